import Fluent
import Foundation

public enum BankTransactionStatus: String, Codable, Sendable, CaseIterable {
    /// Posted as a payment.
    case matched
    /// Waiting for a collector to say whose money it is.
    case review
    /// Not a payment of ours to post (a debit, a transfer between own accounts…).
    case ignored
}

/// One line of an imported bank statement. `identity_hash` is unique, so the same movement is never
/// posted twice, however often its file (or an overlapping one) is imported.
public final class BankTransaction: Model, @unchecked Sendable {
    public static let schema = "bank_transactions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "import_id") public var importID: UUID
    @Field(key: "identity_hash") public var identityHash: String
    @Field(key: "account") public var account: String
    @Field(key: "booking_date") public var bookingDate: String
    @Field(key: "currency") public var currency: String
    @Field(key: "amount_minor") public var amountMinor: Int64
    @OptionalField(key: "bank_reference") public var bankReference: String?
    @Field(key: "remittance_text") public var remittanceText: String
    @OptionalField(key: "counterparty_name") public var counterpartyName: String?
    @OptionalField(key: "counterparty_account") public var counterpartyAccount: String?
    @Field(key: "status") public var status: BankTransactionStatus
    /// The matcher's rule and confidence, and what it proposed (customer, allocations as JSON).
    @Field(key: "match_rule") public var matchRule: String
    @Field(key: "confidence") public var confidence: Int
    @OptionalField(key: "customer_id") public var customerID: UUID?
    @Field(key: "proposal") public var proposal: String
    @OptionalField(key: "payment_id") public var paymentID: UUID?
    @Field(key: "note") public var note: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}

/// One statement file as it was imported.
public final class StatementImport: Model, @unchecked Sendable {
    public static let schema = "statement_imports"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "format") public var format: String
    @Field(key: "file_name") public var fileName: String
    @Field(key: "lines") public var lines: Int
    @Field(key: "new_lines") public var newLines: Int
    @Field(key: "matched") public var matched: Int
    @Field(key: "review") public var review: Int
    @Field(key: "actor") public var actor: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
