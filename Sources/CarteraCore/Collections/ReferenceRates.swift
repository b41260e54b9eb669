/// The organisation's own reference exchange rates, for ranking and exposure only: amounts in
/// different currencies are never added on a statement or a ledger, but the worklist and the
/// credit check need one number. "USD=4100,EUR=4450" means 1 USD counts as 4 100 units of the
/// organisation's currency. A currency without a rate is left out of those sums.
public struct ReferenceRates: Sendable, Equatable {
    public let base: Currency
    /// Major units of `base` per major unit of the keyed currency, in ten-thousandths.
    private let rates: [String: Int64]

    public init(base: Currency, text: String) throws {
        self.base = base
        var rates: [String: Int64] = [:]
        for entry in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            let pair = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, let currency = try? Currency(code: pair[0].uppercased()),
                let rate = Self.tenThousandths(pair[1]), rate > 0
            else {
                throw DomainError(
                    code: "invalid_reference_rates", field: "reference_rates",
                    message: "Write rates as \"USD=4100,EUR=4450.5\" (\(entry) is not valid)")
            }
            rates[currency.code] = rate
        }
        self.rates = rates
    }

    /// The amount in the base currency, rounded half-up to its minor unit; nil without a rate.
    /// Worth more than `Money.limit` either way, it counts as the limit: ranking and exposure need
    /// an order, and no figure past the limit is ever shown or stored.
    public func convert(_ amount: Money) -> Money? {
        if amount.currency == base { return amount }
        guard let rate = rates[amount.currency.code] else { return nil }
        // minor(base) = minor(src) × rate/10⁴ × 10^(eBase − eSrc); rates have at most 12 whole
        // digits and exponents at most 4, so the factor fits in 64 bits and the product in 128.
        let scaleUp = base.minorUnitsPerMajor
        let scaleDown = amount.currency.minorUnitsPerMajor * 10_000
        let (factor, factorOverflow) = UInt64(rate).multipliedReportingOverflow(by: UInt64(scaleUp))
        let (high, low) = amount.minorUnits.magnitude.multipliedFullWidth(by: factor)
        let limit = UInt64(Money.limit)
        var magnitude = limit
        if !factorOverflow, high < UInt64(scaleDown) {
            let (quotient, remainder) = UInt64(scaleDown).dividingFullWidth((high, low))
            magnitude = min(remainder * 2 >= UInt64(scaleDown) ? quotient + 1 : quotient, limit)
        }
        return Money(minorUnits: amount.isNegative ? -Int64(magnitude) : Int64(magnitude), currency: base)
    }

    /// The canonical text: currencies sorted, rates without trailing zeros ("EUR=4450,USD=4100.5").
    public var text: String {
        rates.keys.sorted().map { code in
            let value = rates[code]!
            var fraction = String(format: "%04lld", value % 10_000)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            return "\(code)=\(value / 10_000)" + (fraction.isEmpty ? "" : ".\(fraction)")
        }.joined(separator: ",")
    }

    /// "4100.5" → 41 005 000; at most four decimals, no sign, no grouping.
    static func tenThousandths(_ text: String) -> Int64? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 12, parts[0].allSatisfy(\.isASCII),
            let whole = Int64(parts[0]), whole >= 0
        else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard (1...4).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                let value = Int64(digits)
            else { return nil }
            fraction = value * [1_000, 100, 10, 1][digits.count - 1]
        }
        return whole * 10_000 + fraction
    }
}
