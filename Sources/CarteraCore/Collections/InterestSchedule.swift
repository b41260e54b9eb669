/// Late-payment interest cut into calendar months, so it is charged as a visible line per month
/// (and a last one up to the day the invoice is settled) rather than growing silently.
///
/// Each month's charge is interest on the invoice's own unpaid balance, day by day: a settlement on
/// day d lowers the balance from d + 1 on (interest runs from the due date, exclusive, to the
/// payment date, inclusive — "days late" as customers count them). Each constant-balance stretch is
/// rounded half-up on its own. A month is charged only once it is over (`before` is later than its
/// last day), so a charge never changes after it is made.
public struct InterestSchedule: Sendable {
    public struct Settlement: Sendable, Equatable {
        public let on: LocalDate
        public let amount: Money
        public init(on: LocalDate, amount: Money) {
            self.on = on
            self.amount = amount
        }
    }

    public struct MonthCharge: Sendable, Equatable {
        /// "YYYY-MM": one charge per invoice and month, whoever computes it.
        public let periodKey: String
        /// Exclusive.
        public let from: LocalDate
        /// Inclusive.
        public let through: LocalDate
        /// The unpaid balance when the period began.
        public let openingBalance: Money
        public let amount: Money
    }

    public let policy: LateFeePolicy

    public init(policy: LateFeePolicy) { self.policy = policy }

    /// The month charges of an invoice whose interest periods ended before `today`.
    public func charges(total: Money, dueDate: LocalDate, settlements: [Settlement], before today: LocalDate)
        -> [MonthCharge]
    {
        guard policy.effectiveBasisPoints != nil, total.isPositive else { return [] }
        let ordered = settlements.sorted { $0.on < $1.on }
        var charges: [MonthCharge] = []
        var periodStart = dueDate
        while periodStart < today.addingClamped(days: -1) {
            let balanceAtStart = balance(of: total, after: periodStart, settlements: ordered)
            guard balanceAtStart.isPositive else { break }
            var periodEnd = periodStart.addingClamped(days: 1).endOfMonth
            // A settlement that clears the balance closes the last period early.
            if let cleared = clearingDate(of: total, after: periodStart, through: periodEnd, settlements: ordered) {
                periodEnd = cleared
            }
            guard periodEnd < today else { break }
            let amount = interest(of: total, from: periodStart, through: periodEnd, settlements: ordered)
            charges.append(
                MonthCharge(
                    periodKey: Self.periodKey(periodEnd), from: periodStart, through: periodEnd,
                    openingBalance: balanceAtStart, amount: amount))
            periodStart = periodEnd
        }
        return charges
    }

    static func periodKey(_ date: LocalDate) -> String {
        String(date.year) + "-" + (date.month < 10 ? "0" : "") + String(date.month)
    }

    /// Balance once every settlement made on or before `day` is counted.
    private func balance(of total: Money, after day: LocalDate, settlements: [Settlement]) -> Money {
        let paid = settlements.filter { $0.on <= day }.saturatingSum(\.amount.minorUnits)
        return Money(
            minorUnits: max(
                0,
                total.minorUnits.saturatingAdding(Money(minorUnits: paid, currency: total.currency).negated.minorUnits)),
            currency: total.currency)
    }

    private func clearingDate(
        of total: Money, after start: LocalDate, through end: LocalDate, settlements: [Settlement]
    ) -> LocalDate? {
        settlements.first {
            $0.on > start && $0.on <= end && !balance(of: total, after: $0.on, settlements: settlements).isPositive
        }?.on
    }

    private func interest(of total: Money, from start: LocalDate, through end: LocalDate, settlements: [Settlement])
        -> Money
    {
        let cuts = settlements.map(\.on).filter { $0 > start && $0 < end }
        var sum = Int64(0)
        var stretchStart = start
        for cut in Array(Set(cuts)).sorted() + [end] {
            sum = sum.saturatingAdding(
                policy.interest(
                    on: balance(of: total, after: stretchStart, settlements: settlements), from: stretchStart, to: cut
                ).minorUnits)
            stretchStart = cut
        }
        return Money(minorUnits: sum, currency: total.currency)
    }
}
