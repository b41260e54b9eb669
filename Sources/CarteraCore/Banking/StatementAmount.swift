/// Reads the amounts bank files write ("1234.56" in camt, "1234,56" in MT940, "-1.234,56" in a
/// Spanish CSV) into exact minor units. Nothing goes through Double: digits are accumulated into
/// an Int64 with overflow checked, as `Money(decimalString:)` does for the wire form.
enum StatementAmount {
    /// Why a text is not an amount; each parser wraps it in a `StatementFormatError` with its own line/field.
    struct Invalid: Error, Equatable {
        let message: String
        /// Past `Money.limit`: a number, but more than any amount accepted.
        var isTooLarge = false
    }

    /// - Parameters:
    ///   - decimal: the decimal separator the format uses.
    ///   - grouping: the thousands separator it may use, or nil when the format has none (camt, MT940).
    ///   - allowSign: whether a leading "-" or "+" is part of the format (CSV); camt and MT940 carry
    ///     the sign in a separate indicator, so a "-" there is an error, not a debit.
    static func parse(
        _ raw: String, currency: Currency, decimal: Character, grouping: Character? = nil,
        allowSign: Bool = false
    ) throws(Invalid) -> Money {
        // Byte by byte, no intermediate strings: imports read a million of these. Messages are only
        // built when thrown.
        var notAnAmount: Invalid { Invalid(message: "\"\(raw)\" is not an amount") }
        let text = StatementText.trim(raw)
        guard let decimalByte = decimal.asciiValue else { throw notAnAmount }
        let groupingByte = grouping?.asciiValue
        var bytes = text.utf8[...]
        var negative = false
        if allowSign, let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        // The whole part: digits, with thousands separators checked (groups of exactly three after a
        // first group of one to three) so a misconfigured decimal mark ("1.23" read with '.' as
        // grouping) is an error instead of a hundredfold amount.
        var whole: Int64 = 0
        var overflow = false
        var headDigits = 0
        var groupDigits = 0
        var grouped = false
        while let byte = bytes.first, byte != decimalByte {
            bytes = bytes.dropFirst()
            if let digit = Self.digit(byte) {
                (whole, overflow) = Self.append(digit, to: whole, overflow)
                if grouped { groupDigits += 1 } else { headDigits += 1 }
            } else if byte == groupingByte, grouped ? groupDigits == 3 : (1...3).contains(headDigits) {
                grouped = true
                groupDigits = 0
            } else {
                throw notAnAmount
            }
        }
        guard headDigits > 0, !grouped || groupDigits == 3 else { throw notAnAmount }
        // The fraction: banks pad to a fixed width ("150000.00" for CLP), so zeros past the currency's
        // decimals are exact and harmless; any other digit there would be silently lost, so it is refused.
        let exponent = currency.minorUnitExponent
        var fraction: Int64 = 0
        var fractionDigits = 0
        var lostDigit = false
        if !bytes.isEmpty {
            for byte in bytes.dropFirst() {
                guard let digit = Self.digit(byte) else { throw notAnAmount }
                if fractionDigits < exponent {
                    fraction = fraction * 10 + digit
                } else if digit != 0 {
                    lostDigit = true
                }
                fractionDigits += 1
            }
        }
        guard !lostDigit else {
            throw Invalid(message: "\(currency.code) amounts have at most \(exponent) decimals, got \"\(raw)\"")
        }
        for _ in min(fractionDigits, exponent)..<exponent { fraction *= 10 }
        let (scaled, overflowA) = whole.multipliedReportingOverflow(by: currency.minorUnitsPerMajor)
        let (total, overflowB) = scaled.addingReportingOverflow(fraction)
        guard !overflow, !overflowA, !overflowB, Money.isWithinLimit(total) else {
            throw Invalid(
                message: "\"\(raw)\" is more than the largest amount accepted (\(Money.limitText(currency)))",
                isTooLarge: true)
        }
        return Money(minorUnits: negative ? -total : total, currency: currency)
    }

    private static func digit(_ byte: UInt8) -> Int64? {
        (0x30...0x39).contains(byte) ? Int64(byte - 0x30) : nil
    }

    private static func append(_ digit: Int64, to value: Int64, _ overflow: Bool) -> (Int64, Bool) {
        let (times10, overflowA) = value.multipliedReportingOverflow(by: 10)
        let (sum, overflowB) = times10.addingReportingOverflow(digit)
        return (sum, overflow || overflowA || overflowB)
    }
}
