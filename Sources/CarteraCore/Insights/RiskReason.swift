/// Why a customer got their risk level, as data the app localises ("7 of 10 invoices paid late,
/// average 23 days"). Only facts that crossed a threshold are listed.
public enum RiskReason: Sendable, Equatable, Hashable {
    /// Fewer paid invoices than the thresholds need to judge punctuality.
    case littleHistory(paid: Int, needed: Int)
    /// `late` of `of` paid invoices were paid after their due date; `averageDays` is the mean over
    /// all paid invoices, on-time ones counting as 0 (the same figure the worklist shows).
    case paidLate(late: Int, of: Int, averageDays: Int)
    /// The slowest tenth of payments: 90th percentile (nearest rank) of days late.
    case slowestPayments(p90DaysLate: Int)
    /// Overdue part of the open balance, in basis points (worst currency when several).
    case overdueBalance(basisPoints: Int)
    case brokenPromises(Int)
    case openDisputes(Int)
}
