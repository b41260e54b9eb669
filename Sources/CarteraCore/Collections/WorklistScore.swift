/// The worklist's priority: who should a collector call first today?
///
///     score = Σ (overdue amount in major units × days overdue) × risk weight × (1 + broken promises)
///
/// "Money-days" put a large debt a little late level with a small debt very late; risk
/// (low 1, medium 2, high 3) and broken promises (each one adds the base again) push customers
/// who have shown they will not pay on their own to the top. Days are capped at a year so one
/// ancient invoice cannot bury everything else. Accounts with something to do today (a call task
/// due, a promise broken, a new dispute) are listed first whatever their score: see `WorklistEntry`.
public enum WorklistScore {
    public static let maximumDaysCounted = 365

    public struct OverdueAmount: Sendable, Equatable {
        /// In major units of the scoring currency (the organisation's), already converted.
        public let majorUnits: Int64
        public let daysOverdue: Int
        public init(majorUnits: Int64, daysOverdue: Int) {
            self.majorUnits = majorUnits
            self.daysOverdue = daysOverdue
        }
    }

    public static func score(overdue: [OverdueAmount], risk: RiskLevel, brokenPromises: Int) -> Int64 {
        let moneyDays = overdue.reduce(Int64(0)) { total, item in
            let days = Int64(min(max(item.daysOverdue, 0), maximumDaysCounted))
            return saturatingAdd(total, saturatingMultiply(max(item.majorUnits, 0), days))
        }
        return saturatingMultiply(saturatingMultiply(moneyDays, risk.worklistWeight), Int64(1 + max(brokenPromises, 0)))
    }

    private static func saturatingMultiply(_ a: Int64, _ b: Int64) -> Int64 {
        let (result, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? .max : result
    }

    private static func saturatingAdd(_ a: Int64, _ b: Int64) -> Int64 {
        let (result, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : result
    }
}

/// One account on a collector's worklist.
public struct WorklistEntry<ID: Hashable & Sendable>: Sendable {
    public let customerID: ID
    public let score: Int64
    /// A call task due today or earlier, a broken promise or a dispute opened in the last week.
    public let needsActionToday: Bool

    public init(customerID: ID, score: Int64, needsActionToday: Bool) {
        self.customerID = customerID
        self.score = score
        self.needsActionToday = needsActionToday
    }

    /// Action today first, then by score, highest first; ties keep a stable order by id text.
    public static func prioritised(_ entries: [WorklistEntry]) -> [WorklistEntry] {
        entries.sorted { lhs, rhs in
            if lhs.needsActionToday != rhs.needsActionToday { return lhs.needsActionToday }
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            return String(describing: lhs.customerID) < String(describing: rhs.customerID)
        }
    }
}
