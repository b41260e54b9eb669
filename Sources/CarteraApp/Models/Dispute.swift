import Fluent
import Foundation

public enum DisputeStatus: String, Codable, Sendable, CaseIterable {
    case open, resolved
}

/// A customer contests an invoice: reminders for it pause until the dispute is resolved.
public final class Dispute: Model, @unchecked Sendable {
    public static let schema = "disputes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Parent(key: "invoice_id") public var invoice: Invoice
    @Field(key: "status") public var status: DisputeStatus
    @Field(key: "reason") public var reason: String
    @OptionalField(key: "amount_minor") public var amountMinor: Int64?
    @Field(key: "opened_on") public var openedOn: String
    @OptionalField(key: "resolved_on") public var resolvedOn: String?
    @OptionalField(key: "resolution") public var resolution: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
