import Fluent
import Foundation

public enum LateFeeKind: String, Codable, Sendable, CaseIterable {
    /// A fixed fee for an overdue reminder step the invoice reached.
    case stepFee = "step_fee"
    /// A month of late-payment interest on the invoice's unpaid balance.
    case interest
}

public enum LateFeeStatus: String, Codable, Sendable, CaseIterable {
    case charged, waived
}

/// A late-payment charge, kept apart from the invoice it is about: it never changes the invoice's
/// balance and never earns interest itself, so nothing compounds. Unique per (invoice, kind,
/// period): a step's key, or the interest month "YYYY-MM" — which makes the daily accrual safe
/// to run twice or on two servers.
public final class LateFee: Model, @unchecked Sendable {
    public static let schema = "late_fees"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Parent(key: "customer_id") public var customer: Customer
    @Parent(key: "invoice_id") public var invoice: Invoice
    @Field(key: "kind") public var kind: LateFeeKind
    @Field(key: "period_key") public var periodKey: String
    /// Interest only: the period (exclusive start, inclusive end) and the rate applied.
    @OptionalField(key: "period_from") public var periodFrom: String?
    @OptionalField(key: "period_through") public var periodThrough: String?
    @OptionalField(key: "rate_basis_points") public var rateBasisPoints: Int?
    /// The invoice balance the charge was worked out on (at the start of the period).
    @Field(key: "base_minor") public var baseMinor: Int64
    @Field(key: "amount_minor") public var amountMinor: Int64
    @Field(key: "currency") public var currency: String
    @Field(key: "charged_on") public var chargedOn: String
    @Field(key: "status") public var status: LateFeeStatus
    @OptionalField(key: "waiver_reason") public var waiverReason: String?
    @OptionalField(key: "waived_by") public var waivedBy: String?
    @OptionalField(key: "waived_at") public var waivedAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
