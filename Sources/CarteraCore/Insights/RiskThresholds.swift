/// The limits that turn a payment profile into a risk level. Every limit is shown to the user as
/// part of the reason, so they are plain numbers an organisation can change, not learned weights.
///
/// Defaults (shares in basis points, 100 = 1 %):
/// - high: ≥ 2 broken promises; ≥ 3 open disputes; ≥ 75 % of the open balance more than 30 days overdue; or, with
///   enough history, ≥ 50 % of paid invoices late, average lateness > 30 days, or the slowest
///   tenth (90th percentile) > 60 days late;
/// - medium: 1 broken promise; 1 open dispute; ≥ 25 % of the open balance overdue; fewer than 3
///   paid invoices (new customers are not trusted blindly); > 20 % paid late, average > 10 days,
///   or 90th percentile > 30 days late;
/// - low: otherwise.
public struct RiskThresholds: Sendable, Equatable {
    public var minimumHistory = 3
    public var highBrokenPromises = 2
    public var mediumBrokenPromises = 1
    public var highDisputes = 3
    public var mediumDisputes = 1
    /// A few weeks late is ordinary; only balance more than this many days past due counts as
    /// "seriously overdue" in the overdue share (otherwise every customer with one invoice a day
    /// late would look risky, and the worklist already weighs days overdue itself).
    public var overdueGraceDays = 30
    public var highOverdueShareBasisPoints = 7_500
    public var mediumOverdueShareBasisPoints = 2_500
    /// Late share at or above which history alone makes a customer high risk.
    public var highLateShareBasisPoints = 5_000
    /// Late share strictly above which history makes a customer medium risk.
    public var mediumLateShareBasisPoints = 2_000
    public var highAverageDaysLate = 30
    public var mediumAverageDaysLate = 10
    public var highP90DaysLate = 60
    public var mediumP90DaysLate = 30

    public init() {}

    public static let standard = RiskThresholds()
}
