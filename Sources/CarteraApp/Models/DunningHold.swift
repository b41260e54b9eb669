import Fluent
import Foundation

public enum DunningHoldReason: String, Codable, Sendable, CaseIterable {
    case dispute, promise, paymentPlan = "payment_plan"
    /// Placed by a person on one invoice, with a reason and an end date.
    case manual
    /// "Skip this time" on the outgoing page: the customer's invoices, for one run day.
    case skip
}

/// Pauses reminders for one invoice from `starts_on` until `ends_on` (open-ended when nil) or
/// until released. Disputes, promises and payment plans create them; the dunning engine only
/// needs to ask "is there an active hold?".
public final class DunningHold: Model, @unchecked Sendable {
    public static let schema = "dunning_holds"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Parent(key: "invoice_id") public var invoice: Invoice
    @Field(key: "reason") public var reason: DunningHoldReason
    @Field(key: "source_id") public var sourceID: UUID
    @Field(key: "starts_on") public var startsOn: String
    @OptionalField(key: "ends_on") public var endsOn: String?
    @OptionalField(key: "released_at") public var releasedAt: Date?
    /// Why a person placed it (manual holds).
    @OptionalField(key: "note") public var note: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
