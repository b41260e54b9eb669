import Fluent
import Foundation

public enum PromiseStatus: String, Codable, Sendable, CaseIterable {
    case active, kept, broken, cancelled
}

/// "We will pay X on D": reminders for the covered invoices wait until D.
public final class PaymentPromise: Model, @unchecked Sendable {
    public static let schema = "payment_promises"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Parent(key: "customer_id") public var customer: Customer
    @Field(key: "promised_on") public var promisedOn: String
    @Field(key: "currency") public var currency: String
    @Field(key: "amount_minor") public var amountMinor: Int64
    @Field(key: "status") public var status: PromiseStatus
    @Field(key: "note") public var note: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
