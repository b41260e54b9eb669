/// An amount of money: an integer count of minor units (cents, or whole pesos for CLP) and its
/// currency. Never a floating-point number; arithmetic refuses to mix currencies.
///
/// Every amount a person or a file supplies is at most `limit` minor units either way (10^15:
/// ten trillion pesos with cents), checked where it comes in (`bounded`). Sums of bounded amounts
/// then need ten thousand of them at the limit to leave Int64, and every addition, subtraction,
/// multiplication and sum still reports overflow as an error instead of trapping.
public struct Money: Hashable, Codable, Sendable, CustomStringConvertible {
    public static let limit: Int64 = 1_000_000_000_000_000

    public let minorUnits: Int64
    public let currency: Currency

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    public static func zero(_ currency: Currency) -> Money { Money(minorUnits: 0, currency: currency) }

    public var isZero: Bool { minorUnits == 0 }
    public var isNegative: Bool { minorUnits < 0 }
    public var isPositive: Bool { minorUnits > 0 }
    /// Int64.min has no opposite; it is never a bounded amount, and its negation saturates to Int64.max.
    public var negated: Money { Money(minorUnits: minorUnits == .min ? .max : -minorUnits, currency: currency) }
    public var description: String { "\(currency.code) \(decimalString)" }

    public func adding(_ other: Money) throws -> Money {
        try combine(other, Int64.addingReportingOverflow)
    }

    public func subtracting(_ other: Money) throws -> Money {
        try combine(other, Int64.subtractingReportingOverflow)
    }

    public static func sum(_ amounts: [Money], currency: Currency) throws -> Money {
        try amounts.reduce(.zero(currency)) { try $0.adding($1) }
    }

    /// For totals over a whole ledger (forecast weeks, organisation-wide figures): held at Int64's
    /// ends instead of refused, so one absurd stored row cannot stop the page for everyone.
    public func saturatingAdding(_ other: Money) throws -> Money {
        guard currency == other.currency else { return try adding(other) }
        return Money(minorUnits: minorUnits.saturatingAdding(other.minorUnits), currency: currency)
    }

    /// self × factor, refusing overflow.
    public func multiplied(by factor: Int64) throws -> Money {
        let (value, overflow) = minorUnits.multipliedReportingOverflow(by: factor)
        guard !overflow else { throw Self.tooLarge() }
        return Money(minorUnits: value, currency: currency)
    }

    /// A supplied amount: the same value when within ±`limit`, otherwise "amount_too_large".
    public func bounded() throws -> Money {
        guard Self.isWithinLimit(minorUnits) else { throw Self.outOfLimit(currency) }
        return self
    }

    public static func isWithinLimit(_ minorUnits: Int64) -> Bool { minorUnits.magnitude <= UInt64(limit) }

    /// The largest amount accepted, as the currency writes it ("10000000000000.00").
    public static func limitText(_ currency: Currency) -> String {
        Money(minorUnits: limit, currency: currency).decimalString
    }

    static func outOfLimit(_ currency: Currency) -> DomainError {
        DomainError(code: "amount_too_large", message: "Amounts are at most \(limitText(currency)) \(currency.code)")
    }

    public static func tooLarge() -> DomainError {
        DomainError(code: "amount_too_large", message: "The amounts are too large to add up")
    }

    /// Ordering only makes sense within one currency; comparing across currencies is a programming error.
    public static func < (lhs: Money, rhs: Money) -> Bool {
        precondition(lhs.currency == rhs.currency, "comparing \(lhs.currency) with \(rhs.currency)")
        return lhs.minorUnits < rhs.minorUnits
    }

    private func combine(_ other: Money, _ operation: (Int64) -> (Int64) -> (partialValue: Int64, overflow: Bool))
        throws -> Money
    {
        guard currency == other.currency else {
            throw DomainError(
                code: "currency_mismatch", message: "Cannot combine \(currency.code) with \(other.currency.code)")
        }
        let (value, overflow) = operation(minorUnits)(other.minorUnits)
        guard !overflow else { throw Self.tooLarge() }
        return Money(minorUnits: value, currency: currency)
    }
}

extension Money: Comparable {}
