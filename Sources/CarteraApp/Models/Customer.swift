import Fluent
import Foundation

public final class Customer: Model, @unchecked Sendable {
    public static let schema = "customers"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "legal_name") public var legalName: String
    @OptionalField(key: "tax_id") public var taxID: String?
    /// Canonical `PaymentTerms.code`, e.g. "net30" or "2/10 net30".
    @Field(key: "payment_terms") public var paymentTerms: String
    /// Currency of new invoices and of the credit limit.
    @Field(key: "currency") public var currency: String
    @OptionalField(key: "credit_limit_minor") public var creditLimitMinor: Int64?
    /// "es" or "en": the language the customer is written to in.
    @Field(key: "language") public var language: String
    @Field(key: "notes") public var notes: String
    @Field(key: "tags") public var tags: [String]
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    @Children(for: \.$customer) public var contacts: [Contact]

    public init() {}
}
