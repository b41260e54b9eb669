/// A customer's payment behaviour in figures, and the risk level the thresholds give it.
///
/// Inputs: paid invoices (due date, paid date), open invoices (balance, due date) as of a day,
/// broken promises and open disputes. Figures:
/// - on-time rate: paid on or before the due date / paid, in basis points;
/// - average days late: mean over all paid invoices with on-time ones as 0, truncated to whole days;
/// - 90th percentile of days late: nearest rank (value at rank ⌈0.9 × n⌉ of the sorted days late);
/// - overdue share: balance more than `overdueGraceDays` past due / open balance, in basis points, per currency (never
///   added across currencies); the profile reports the worst currency.
public struct RiskProfile: Sendable, Equatable {
    public struct PaidInvoice: Sendable, Equatable {
        public let dueDate: LocalDate
        public let paidOn: LocalDate
        public init(dueDate: LocalDate, paidOn: LocalDate) {
            self.dueDate = dueDate
            self.paidOn = paidOn
        }
        /// Days after the due date, 0 when paid on time or early.
        public var daysLate: Int { max(0, dueDate.days(until: paidOn)) }
    }

    public struct OpenInvoice: Sendable, Equatable {
        public let balance: Money
        public let dueDate: LocalDate
        public init(balance: Money, dueDate: LocalDate) {
            self.balance = balance
            self.dueDate = dueDate
        }
    }

    public let paidCount: Int
    public let paidLateCount: Int
    /// nil without paid invoices.
    public let onTimeRateBasisPoints: Int?
    public let averageDaysLate: Int
    public let p90DaysLate: Int
    /// nil without an open balance.
    public let overdueShareBasisPoints: Int?
    public let brokenPromises: Int
    public let openDisputes: Int
    public let level: RiskLevel
    /// Facts that crossed a threshold, those that set a high level first; empty when low.
    public let reasons: [RiskReason]

    /// The figures a level is judged on, as they are stored in a customer's account summary.
    public struct Figures: Sendable, Equatable {
        public var paidCount: Int
        public var paidLateCount: Int
        public var averageDaysLate: Int
        public var p90DaysLate: Int
        public var overdueShareBasisPoints: Int?
        public var brokenPromises: Int
        public var openDisputes: Int

        public init(
            paidCount: Int, paidLateCount: Int, averageDaysLate: Int, p90DaysLate: Int, overdueShareBasisPoints: Int?,
            brokenPromises: Int, openDisputes: Int
        ) {
            self.paidCount = paidCount
            self.paidLateCount = paidLateCount
            self.averageDaysLate = averageDaysLate
            self.p90DaysLate = p90DaysLate
            self.overdueShareBasisPoints = overdueShareBasisPoints
            self.brokenPromises = brokenPromises
            self.openDisputes = openDisputes
        }
    }

    public var figures: Figures {
        Figures(
            paidCount: paidCount, paidLateCount: paidLateCount, averageDaysLate: averageDaysLate,
            p90DaysLate: p90DaysLate, overdueShareBasisPoints: overdueShareBasisPoints, brokenPromises: brokenPromises,
            openDisputes: openDisputes)
    }

    public init(
        paid: [PaidInvoice], open: [OpenInvoice] = [], asOf: LocalDate? = nil, brokenPromises: Int,
        openDisputes: Int = 0, thresholds: RiskThresholds = .standard
    ) {
        let daysLate = paid.map(\.daysLate).sorted()
        let lateCount = daysLate.filter { $0 > 0 }.count
        self.init(
            figures: Figures(
                paidCount: paid.count, paidLateCount: lateCount,
                averageDaysLate: paid.isEmpty ? 0 : daysLate.reduce(0, +) / paid.count,
                p90DaysLate: Percentile.nearestRank(90, ofSorted: daysLate) ?? 0,
                overdueShareBasisPoints: asOf.flatMap {
                    Self.worstOverdueShare(open, asOf: $0, graceDays: thresholds.overdueGraceDays)
                },
                brokenPromises: brokenPromises, openDisputes: openDisputes),
            thresholds: thresholds)
    }

    /// The level and reasons from figures already computed (a stored summary): the same rules.
    public init(figures: Figures, thresholds: RiskThresholds = .standard) {
        paidCount = figures.paidCount
        paidLateCount = figures.paidLateCount
        onTimeRateBasisPoints = Ratio.basisPoints(Int64(paidCount - paidLateCount), of: Int64(paidCount))
        averageDaysLate = figures.averageDaysLate
        p90DaysLate = figures.p90DaysLate
        overdueShareBasisPoints = figures.overdueShareBasisPoints
        self.brokenPromises = max(figures.brokenPromises, 0)
        self.openDisputes = max(figures.openDisputes, 0)

        let t = thresholds
        let lateShare = Ratio.basisPoints(Int64(paidLateCount), of: Int64(paidCount)) ?? 0
        let judged = paidCount >= t.minimumHistory
        let overdue = overdueShareBasisPoints ?? 0
        let lateReason = RiskReason.paidLate(late: paidLateCount, of: paidCount, averageDays: averageDaysLate)
        // Each rule: the reason it would give, whether it reaches high, whether it reaches medium.
        let rules: [(RiskReason, high: Bool, medium: Bool)] = [
            (
                .brokenPromises(self.brokenPromises), self.brokenPromises >= t.highBrokenPromises,
                self.brokenPromises >= t.mediumBrokenPromises
            ),
            (
                .openDisputes(self.openDisputes), self.openDisputes >= t.highDisputes,
                self.openDisputes >= t.mediumDisputes
            ),
            (
                .overdueBalance(basisPoints: overdue), overdue >= t.highOverdueShareBasisPoints,
                overdue >= t.mediumOverdueShareBasisPoints
            ),
            (
                lateReason,
                judged && (lateShare >= t.highLateShareBasisPoints || averageDaysLate > t.highAverageDaysLate),
                judged && (lateShare > t.mediumLateShareBasisPoints || averageDaysLate > t.mediumAverageDaysLate)
            ),
            (
                .slowestPayments(p90DaysLate: p90DaysLate), judged && p90DaysLate > t.highP90DaysLate,
                judged && p90DaysLate > t.mediumP90DaysLate
            ),
            (.littleHistory(paid: paidCount, needed: t.minimumHistory), false, !judged),
        ]
        let high = rules.filter(\.high).map(\.0)
        let medium = rules.filter { $0.medium && !$0.high }.map(\.0)
        level = !high.isEmpty ? .high : !medium.isEmpty ? .medium : .low
        reasons = high + medium
    }

    private static func worstOverdueShare(_ open: [OpenInvoice], asOf: LocalDate, graceDays: Int) -> Int? {
        var totals: [Currency: (open: Int64, overdue: Int64)] = [:]
        for item in open where item.balance.isPositive {
            var total = totals[item.balance.currency, default: (0, 0)]
            total.open = total.open.saturatingAdding(item.balance.minorUnits)
            if item.dueDate.days(until: asOf) > graceDays {
                total.overdue = total.overdue.saturatingAdding(item.balance.minorUnits)
            }
            totals[item.balance.currency] = total
        }
        return totals.values.compactMap { Ratio.basisPoints($0.overdue, of: $0.open) }.max()
    }
}
