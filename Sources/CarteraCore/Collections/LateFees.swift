/// Late-payment charges ("intereses de mora"), as the organisation configures them: a fixed fee for
/// each overdue reminder step, or simple annual interest, pro rata per day past due, never above
/// the legal maximum (in Colombia the "tasa de usura" the Superintendencia publishes). Interest is
/// only ever charged on the invoice's own unpaid balance — never on earlier fees — so nothing
/// compounds silently.
public enum LateFeePolicy: Sendable, Equatable {
    case none
    /// This amount (in the invoice's currency) for every overdue step the invoice reached.
    case fixedPerStep(Money)
    /// Annual rate and the legal cap, both in basis points (2 450 = 24.50 % a year).
    case annualInterest(basisPoints: Int64, legalMaximumBasisPoints: Int64?)

    public static let daysPerYear: Int64 = 365

    /// The rate actually applied: the configured one, or the legal maximum when that is lower.
    public var effectiveBasisPoints: Int64? {
        guard case .annualInterest(let rate, let cap) = self else { return nil }
        return cap.map { min(rate, $0) } ?? rate
    }

    /// Simple interest on `balance` for the days from `from` (exclusive) to `to` (inclusive), rounded
    /// half-up to the minor unit. Zero for a period of no days or a non-interest policy.
    public func interest(on balance: Money, from: LocalDate, to: LocalDate) -> Money {
        guard let rate = effectiveBasisPoints, balance.isPositive else { return .zero(balance.currency) }
        let days = Int64(max(0, from.days(until: to)))
        // balance × rate/10 000 × days/365, in one 128-bit product so nothing overflows or rounds early.
        let (high, low) = balance.minorUnits.magnitude.multipliedFullWidth(by: UInt64(rate) * UInt64(days))
        let divisor = UInt64(10_000 * Self.daysPerYear)
        let (quotient, remainder) = divisor.dividingFullWidth((high, low))
        let rounded = remainder * 2 >= divisor ? quotient + 1 : quotient
        return Money(minorUnits: Int64(rounded), currency: balance.currency)
    }

    /// The fixed fees an invoice owes after reaching `steps` overdue steps.
    public func fixedFees(steps: Int) -> Money? {
        guard case .fixedPerStep(let fee) = self else { return nil }
        return Money(minorUnits: fee.minorUnits * Int64(max(0, steps)), currency: fee.currency)
    }
}
