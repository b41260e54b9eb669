import CarteraCore
import Fluent
import Foundation

/// A credit issued to the customer (returns, price corrections). Applied to invoices like a payment.
public final class CreditNote: Model, @unchecked Sendable {
    public static let schema = "credit_notes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Parent(key: "customer_id") public var customer: Customer
    @Field(key: "number") public var number: String
    @Field(key: "issued_on") public var issuedOn: String
    @Field(key: "currency") public var currency: String
    @Field(key: "amount_minor") public var amountMinor: Int64
    @Field(key: "allocated_minor") public var allocatedMinor: Int64
    @Field(key: "reason") public var reason: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}
