/// The worklist's risk rule from a customer's payment history: a `RiskProfile` of paid invoices and
/// broken promises with the standard thresholds (see `RiskThresholds` for the limits and
/// `RiskProfile` for how each figure is computed). Kept as the app's entry point.
public struct RiskAssessment: Sendable, Equatable {
    public typealias PaidInvoice = RiskProfile.PaidInvoice

    public let profile: RiskProfile
    public var level: RiskLevel { profile.level }
    public var paidCount: Int { profile.paidCount }
    public var paidLateCount: Int { profile.paidLateCount }
    /// Mean days late over all paid invoices (on-time ones count as 0).
    public var averageDaysLate: Int { profile.averageDaysLate }
    public var brokenPromises: Int { profile.brokenPromises }
    public var reasons: [RiskReason] { profile.reasons }

    public static var minimumHistory: Int { RiskThresholds.standard.minimumHistory }

    public init(paid: [PaidInvoice], brokenPromises: Int) {
        profile = RiskProfile(paid: paid, brokenPromises: brokenPromises)
    }

    /// The whole picture: history, what is open and overdue today, open disputes.
    public init(profile: RiskProfile) {
        self.profile = profile
    }
}
