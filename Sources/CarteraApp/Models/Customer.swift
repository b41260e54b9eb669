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
    /// The customer's own collection policy; nil follows the organisation's default.
    @OptionalField(key: "collection_policy_id") public var collectionPolicyID: UUID?
    /// Never send this customer reminders (legal, agency, or asked not to be contacted).
    @Field(key: "do_not_contact") public var doNotContact: Bool
    /// Comma-separated `ReminderKind` raw values switched off for this customer.
    @Field(key: "reminder_kinds_off") public var reminderKindsOff: String
    /// The collector who works this account; nil shows it to every collector.
    @OptionalField(key: "assigned_user_id") public var assignedUserID: UUID?
    /// Put on credit hold by hand, and why; automatic holds are derived, never stored.
    @OptionalField(key: "credit_hold_reason") public var creditHoldReason: String?
    @OptionalField(key: "credit_hold_since") public var creditHoldSince: String?
    /// Sent to a collection agency or to legal: who has the case and since when.
    @OptionalField(key: "escalated_to") public var escalatedTo: String?
    @OptionalField(key: "escalated_on") public var escalatedOn: String?
    /// The reference this customer quotes on transfers ("CR-7K4M2Q"), unique in the organisation.
    @OptionalField(key: "payment_reference") public var paymentReference: String?
    /// Comma-separated accounts the customer has paid from, learned when their payments reconcile.
    @Field(key: "bank_accounts") public var bankAccounts: String
    /// The customer's id in the system a CSV import came from; imports find customers by it first.
    @OptionalField(key: "external_code") public var externalCode: String?
    /// Postal address for letters: street and number, city, region, postal code, country.
    @OptionalField(key: "address_line") public var addressLine: String?
    @OptionalField(key: "city") public var city: String?
    @OptionalField(key: "region") public var region: String?
    @OptionalField(key: "postal_code") public var postalCode: String?
    @OptionalField(key: "country") public var country: String?
    /// Whose contact rules apply (`Jurisdiction` raw value) and the customer's clock (IANA identifier);
    /// nil follows the organisation's country and time zone (`CustomerContactRules`).
    @OptionalField(key: "jurisdiction") public var jurisdiction: String?
    @OptionalField(key: "time_zone") public var timeZone: String?
    /// The name and tax id as the search box compares them (`SearchText.name`, `SearchText.compact`),
    /// kept in step by `CustomerSearchFields`.
    @Field(key: "search_name") public var searchName: String
    @Field(key: "search_tax_id") public var searchTaxID: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    @Children(for: \.$customer) public var contacts: [Contact]

    public init() {}
}
