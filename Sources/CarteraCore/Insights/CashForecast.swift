/// Expected collections per ISO week (Monday to Sunday) for the coming weeks, from open items at
/// their predicted payment date and payment-plan instalments at their due date.
///
/// Week 1 is the week containing `asOf`. Anything expected before `asOf` (overdue, or predicted
/// in the past) is still expected, as soon as possible: it counts in week 1. Anything after the
/// last week is left out and totalled in `beyondHorizon`. Currencies are bucketed separately and
/// never added together.
public struct CashForecast: Sendable, Equatable {
    public struct Expected: Sendable, Equatable {
        public let amount: Money
        public let date: LocalDate
        public init(amount: Money, date: LocalDate) {
            self.amount = amount
            self.date = date
        }
    }

    public struct Week: Sendable, Equatable {
        /// The Monday the week starts on.
        public let start: LocalDate
        /// One total per currency present, sorted by currency code.
        public let amounts: [Money]

        public func amount(in currency: Currency) -> Money {
            amounts.first { $0.currency == currency } ?? .zero(currency)
        }
    }

    public static let standardWeeks = 13

    public let weeks: [Week]
    public let beyondHorizon: [Money]

    public init(asOf: LocalDate, openItems: [Expected], instalments: [Expected], weeks count: Int = standardWeeks)
        throws
    {
        let firstMonday = try asOf.adding(days: 1 - asOf.weekday)
        var buckets = Array(repeating: [Currency: Money](), count: max(count, 0))
        var beyond: [Currency: Money] = [:]
        for item in openItems + instalments {
            let index = max(0, firstMonday.days(until: max(item.date, asOf)) / 7)
            let currency = item.amount.currency
            if index < buckets.count {
                buckets[index][currency] = try buckets[index][currency, default: .zero(currency)].saturatingAdding(
                    item.amount)
            } else {
                beyond[currency] = try beyond[currency, default: .zero(currency)].saturatingAdding(item.amount)
            }
        }
        weeks = buckets.enumerated().map { index, totals in
            Week(start: firstMonday.addingClamped(days: 7 * index), amounts: Self.sorted(totals))
        }
        beyondHorizon = Self.sorted(beyond)
    }

    /// Σ over the weeks in one currency.
    public func total(in currency: Currency) throws -> Money {
        try weeks.reduce(.zero(currency)) { try $0.saturatingAdding($1.amount(in: currency)) }
    }

    private static func sorted(_ totals: [Currency: Money]) -> [Money] {
        totals.values.sorted { $0.currency.code < $1.currency.code }
    }
}
