/// A line quantity with up to three decimals, held as an integer count of thousandths.
public struct Quantity: Hashable, Codable, Sendable, CustomStringConvertible {
    public static let scale: Int64 = 1_000
    public let milli: Int64

    public init(milli: Int64) { self.milli = milli }

    /// Parses "2", "1.5", "0.125". Negative, zero or more than three decimals -> "invalid_quantity".
    public init(decimalString: String) throws {
        let invalid = DomainError(
            code: "invalid_quantity",
            message: "Quantity must be a positive number with at most 3 decimals, got \"\(decimalString)\"")
        let parts = decimalString.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit),
            whole.count <= 12
        else { throw invalid }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 3, fraction.allSatisfy(\.isASCIIDigit), parts.count == 1 || !fraction.isEmpty else {
            throw invalid
        }
        let padded = fraction + String(repeating: "0", count: 3 - fraction.count)
        guard let wholeValue = Int64(whole), let fractionValue = Int64(padded) else { throw invalid }
        milli = wholeValue * Self.scale + fractionValue
        guard milli > 0 else { throw invalid }
    }

    public var description: String {
        let whole = milli / Self.scale
        let fraction = milli % Self.scale
        guard fraction != 0 else { return String(whole) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)"
    }

    /// unit price × quantity, rounded half-up (away from zero) to the currency's minor unit.
    public func extend(_ unitPrice: Money) throws -> Money {
        let (product, overflow) = unitPrice.minorUnits.multipliedReportingOverflow(by: milli)
        guard !overflow else { throw DomainError(code: "invalid_amount", message: "Line amount is too large") }
        let half = Self.scale / 2
        let rounded = product >= 0 ? (product + half) / Self.scale : (product - half) / Self.scale
        return Money(minorUnits: rounded, currency: unitPrice.currency)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
