extension Money {
    /// Parses the wire format exactly: optional "-", digits, optional "." and at most the currency's
    /// number of decimals ("1234.5" COP is 123450). More decimals are refused, never rounded away;
    /// more than `Money.limit` minor units either way is "amount_too_large".
    public init(decimalString text: String, currency: Currency) throws {
        let invalid = DomainError(code: "invalid_amount", message: "\"\(text)\" is not an amount like 1234.56")
        var body = Substring(text)
        let negative = body.first == "-"
        if negative { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.allSatisfy(Self.isDigit)
        else { throw invalid }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard parts.count == 1 || !fraction.isEmpty, fraction.allSatisfy(Self.isDigit) else { throw invalid }
        guard fraction.count <= currency.minorUnitExponent else {
            throw DomainError(
                code: "too_many_decimals",
                message: "\(currency.code) amounts have at most \(currency.minorUnitExponent) decimals, got \"\(text)\""
            )
        }
        let padded = fraction + String(repeating: "0", count: currency.minorUnitExponent - fraction.count)
        // Digits past Int64 are as much "too large" as a value past the limit.
        let significant = whole.drop { $0 == "0" }
        guard significant.count <= 18, let major = significant.isEmpty ? 0 : Int64(significant),
            let minor = padded.isEmpty ? 0 : Int64(padded)
        else { throw Money.outOfLimit(currency) }
        let (scaled, overflowA) = major.multipliedReportingOverflow(by: currency.minorUnitsPerMajor)
        let (total, overflowB) = scaled.addingReportingOverflow(minor)
        guard !overflowA, !overflowB, Money.isWithinLimit(total) else { throw Money.outOfLimit(currency) }
        self.init(minorUnits: negative ? -total : total, currency: currency)
    }

    /// "1234.56", "-0.05", CLP "1500": always exactly the currency's number of decimals.
    public var decimalString: String {
        let (major, minor) = magnitudeParts
        let sign = minorUnits < 0 ? "-" : ""
        guard currency.minorUnitExponent > 0 else { return sign + major }
        return "\(sign)\(major).\(minor)"
    }

    /// Unsigned whole and zero-padded fraction digits of the amount.
    var magnitudeParts: (major: String, minor: String) {
        let magnitude = minorUnits.magnitude
        let divisor = UInt64(currency.minorUnitsPerMajor)
        let fraction = String(magnitude % divisor)
        let padded =
            currency.minorUnitExponent == 0
            ? "" : String(repeating: "0", count: currency.minorUnitExponent - fraction.count) + fraction
        return (String(magnitude / divisor), padded)
    }

    private static func isDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }
}
