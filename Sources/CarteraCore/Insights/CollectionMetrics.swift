/// Receivables KPIs as exact integers. Days are returned in tenths (523 = 52.3 days) and
/// percentages in basis points (9 250 = 92.50 %), both rounded half away from zero; nil where the
/// formula would divide by zero. All amounts of one call must share a currency.
public enum CollectionMetrics {
    /// One period of credit sales, e.g. a calendar month with its number of days.
    public struct Period: Sendable, Equatable {
        public let creditSales: Money
        public let days: Int
        public init(creditSales: Money, days: Int) {
            self.creditSales = creditSales
            self.days = days
        }
    }

    public struct CountbackDSO: Sendable, Equatable {
        public let tenthsOfDays: Int
        /// The balance was larger than all the sales given: the figure is a lower bound.
        public let historyExhausted: Bool
    }

    /// Days sales outstanding by the countback method. Walk back from the most recent period
    /// (`periods[0]`), taking each period's credit sales out of the receivable balance. A period
    /// whose sales the remaining balance covers counts in full; the period where the balance runs
    /// out counts in proportion: days += remaining / sales × period days.
    public static func countbackDSO(receivables: Money, periods: [Period]) throws -> CountbackDSO {
        var remaining = receivables.minorUnits
        var tenths = 0
        for period in periods {
            try requireSameCurrency(receivables, period.creditSales)
            guard remaining > 0 else { break }
            if remaining > period.creditSales.minorUnits {
                remaining -= period.creditSales.minorUnits
                tenths += period.days * 10
            } else {
                tenths += Ratio.scaled(remaining, period.creditSales.minorUnits, by: Int64(period.days) * 10) ?? 0
                remaining = 0
            }
        }
        return CountbackDSO(tenthsOfDays: tenths, historyExhausted: remaining > 0)
    }

    /// Collection effectiveness index, in basis points:
    /// (beginning receivables + credit sales − ending total receivables)
    /// / (beginning receivables + credit sales − ending current receivables) × 100 %.
    public static func collectionEffectivenessIndex(
        beginning: Money, creditSales: Money, endingTotal: Money,
        endingCurrent: Money
    ) throws -> Int? {
        try requireSameCurrency(beginning, creditSales)
        try requireSameCurrency(beginning, endingTotal)
        try requireSameCurrency(beginning, endingCurrent)
        // Receivables too large to add up give no index rather than an error for the whole report.
        guard let available = try? beginning.adding(creditSales),
            let collected = try? available.subtracting(endingTotal),
            let collectible = try? available.subtracting(endingCurrent)
        else { return nil }
        return Ratio.basisPoints(collected.minorUnits, of: collectible.minorUnits)
    }

    /// Best possible DSO, in tenths of days: current (not overdue) receivables / credit sales × days.
    public static func bestPossibleDSO(currentReceivables: Money, creditSales: Money, days: Int) throws -> Int? {
        try requireSameCurrency(currentReceivables, creditSales)
        return Ratio.scaled(currentReceivables.minorUnits, creditSales.minorUnits, by: Int64(days) * 10)
    }

    static func requireSameCurrency(_ a: Money, _ b: Money) throws {
        guard a.currency == b.currency else {
            throw DomainError(
                code: "currency_mismatch", message: "Cannot combine \(a.currency.code) with \(b.currency.code)")
        }
    }
}
