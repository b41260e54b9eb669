/// An amount of money: an integer count of minor units (cents, or whole pesos for CLP) and its
/// currency. Never a floating-point number; arithmetic refuses to mix currencies.
public struct Money: Hashable, Codable, Sendable, CustomStringConvertible {
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
    public var negated: Money { Money(minorUnits: -minorUnits, currency: currency) }
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

    /// Ordering only makes sense within one currency; comparing across currencies is a programming error.
    public static func < (lhs: Money, rhs: Money) -> Bool {
        precondition(lhs.currency == rhs.currency, "comparing \(lhs.currency) with \(rhs.currency)")
        return lhs.minorUnits < rhs.minorUnits
    }

    private func combine(_ other: Money, _ operation: (Int64) -> (Int64) -> (partialValue: Int64, overflow: Bool)) throws -> Money {
        guard currency == other.currency else {
            throw DomainError(code: "currency_mismatch", message: "Cannot combine \(currency.code) with \(other.currency.code)")
        }
        let (value, overflow) = operation(minorUnits)(other.minorUnits)
        guard !overflow else { throw DomainError(code: "invalid_amount", message: "Amount is too large") }
        return Money(minorUnits: value, currency: currency)
    }
}

extension Money: Comparable {}
