/// Reads the amounts bank files write ("1234.56" in camt, "1234,56" in MT940, "-1.234,56" in a
/// Spanish CSV) into exact minor units. Nothing goes through Double: the text is normalised to
/// the "1234.56" wire form and handed to `Money(decimalString:)`.
enum StatementAmount {
    /// Why a text is not an amount; each parser wraps it in a `StatementFormatError` with its own line/field.
    struct Invalid: Error, Equatable {
        let message: String
    }

    /// - Parameters:
    ///   - decimal: the decimal separator the format uses.
    ///   - grouping: the thousands separator it may use, or nil when the format has none (camt, MT940).
    ///   - allowSign: whether a leading "-" or "+" is part of the format (CSV); camt and MT940 carry
    ///     the sign in a separate indicator, so a "-" there is an error, not a debit.
    static func parse(_ raw: String, currency: Currency, decimal: Character, grouping: Character? = nil,
                      allowSign: Bool = false) throws(Invalid) -> Money {
        let text = StatementText.trim(raw)
        let notAnAmount = Invalid(message: "\"\(raw)\" is not an amount")
        var body = Substring(text)
        var negative = false
        if allowSign, let first = body.first, first == "-" || first == "+" {
            negative = first == "-"
            body = body.dropFirst()
        }
        let parts = body.split(separator: decimal, omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = try? digits(ofWhole: parts[0], grouping: grouping) else { throw notAnAmount }
        var fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.allSatisfy(StatementText.isDigit) else { throw notAnAmount }
        // Banks pad to a fixed width ("150000.00" for CLP): zeros past the currency's decimals are
        // exact and harmless, any other digit there would be silently lost, so it is refused.
        while fraction.count > currency.minorUnitExponent, fraction.last == "0" { fraction = fraction.dropLast() }
        guard fraction.count <= currency.minorUnitExponent else {
            throw Invalid(message: "\(currency.code) amounts have at most \(currency.minorUnitExponent) decimals, got \"\(raw)\"")
        }
        let wire = (negative ? "-" : "") + whole + (fraction.isEmpty ? "" : "." + fraction)
        do {
            return try Money(decimalString: wire, currency: currency)
        } catch {
            throw Invalid(message: "\"\(raw)\" is too large an amount")
        }
    }

    /// The digits of the whole part, with thousands separators checked (groups of exactly three
    /// after the first) and removed, so a misconfigured decimal mark ("1.23" read with '.' as
    /// grouping) is an error instead of a hundredfold amount.
    private static func digits(ofWhole whole: Substring, grouping: Character?) throws -> String {
        struct NotDigits: Error {}
        guard !whole.isEmpty else { throw NotDigits() }
        guard let grouping, whole.contains(grouping) else {
            guard whole.allSatisfy(StatementText.isDigit) else { throw NotDigits() }
            return String(whole)
        }
        let groups = whole.split(separator: grouping, omittingEmptySubsequences: false)
        guard let head = groups.first, (1...3).contains(head.count),
              groups.dropFirst().allSatisfy({ $0.count == 3 }),
              groups.allSatisfy({ $0.allSatisfy(StatementText.isDigit) })
        else { throw NotDigits() }
        return groups.joined()
    }
}
