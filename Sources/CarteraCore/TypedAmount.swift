/// Reads an amount as a person types it, in their own conventions: "1.500.000,50", "$ 1.500.000",
/// "1,500,000.50", "US$ 250", "COP 1.500.000", "500000.00" (the wire form keeps working). Every staff
/// form, the portal and the imports read amounts through here, so "1.500" means the same everywhere.
///
/// The rules: spaces (also no-break and thin ones), a currency sign or code before or after are
/// ignored. When both "." and "," appear, the last one is the decimal mark. A single mark followed by
/// exactly three digits groups thousands ("1.500" is 1500, "1,500" too), except for currencies with
/// three decimals when it is the reader's own decimal mark. Groups after the first have exactly three
/// digits ("15.00.000" is refused). The cleaned digits go through `Money(decimalString:)`, so nothing
/// is rounded and nothing overflows.
public enum TypedAmount {
    public enum Failure: Error, Equatable, Sendable {
        case notAnAmount
        case tooManyDecimals
        case tooLarge
    }

    /// Longer than this is not an amount anybody typed.
    public static let maximumLength = 40

    /// - Parameter decimal: the reader's decimal mark ("," in es-CO).
    public static func parse(_ raw: String, currency: Currency, decimal: Character) throws(Failure) -> Money {
        let (digits, fraction) = try split(
            raw, currency: currency, threeDecimals: currency.minorUnitExponent >= 3,
            decimal: decimal)
        let significant = fraction.reversed().drop { $0 == "0" }.count
        guard significant <= currency.minorUnitExponent else { throw .tooManyDecimals }
        let kept = fraction.prefix(currency.minorUnitExponent)
        guard let amount = try? Money(decimalString: kept.isEmpty ? digits : "\(digits).\(kept)", currency: currency)
        else { throw .tooLarge }
        return amount
    }

    /// The wire form ("1500000.50") of what was typed, for a form whose currency the service settles
    /// (the invoice's or the customer's): the service then checks the decimals for that currency.
    public static func wireDecimal(_ raw: String, decimal: Character) throws(Failure) -> String {
        let (digits, fraction) = try split(raw, currency: nil, threeDecimals: false, decimal: decimal)
        let trimmed = String(fraction.reversed().drop { $0 == "0" }.reversed())
        guard digits.drop(while: { $0 == "0" }).count <= 18 else { throw .tooLarge }
        return trimmed.isEmpty ? digits : "\(digits).\(trimmed)"
    }

    /// The whole part's digits and the fraction's, marks and signs removed.
    private static func split(_ raw: String, currency: Currency?, threeDecimals: Bool, decimal: Character)
        throws(Failure) -> (String, Substring)
    {
        guard raw.count <= maximumLength else { throw .notAnAmount }
        let body = stripped(raw, currency: currency)
        guard !body.isEmpty, body.allSatisfy({ isDigit($0) || $0 == "." || $0 == "," }), body.first.map(isDigit) == true
        else { throw .notAnAmount }
        let mark = decimalMark(of: body, threeDecimals: threeDecimals, reader: decimal)
        let whole: Substring
        let fraction: Substring
        if let mark, let index = body.lastIndex(of: mark) {
            whole = body[..<index]
            fraction = body[body.index(after: index)...]
            guard !fraction.isEmpty, fraction.allSatisfy(isDigit) else { throw .notAnAmount }
        } else {
            whole = Substring(body)
            fraction = ""
        }
        return (try grouped(whole), fraction)
    }

    /// The text without spaces, currency signs and a currency code (the given one, or any three
    /// capital letters when the currency is not known yet).
    private static func stripped(_ raw: String, currency: Currency?) -> String {
        var text = String(raw.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
        var signs = ["US$", "$", "€"]
        if let currency { signs.insert(contentsOf: [currency.code, currency.code.lowercased()], at: 1) }
        for sign in signs {
            if text.hasPrefix(sign) { text.removeFirst(sign.count) }
            if text.hasSuffix(sign) { text.removeLast(sign.count) }
        }
        if currency == nil {
            let isCode = { (code: Substring) in code.count == 3 && code.allSatisfy { $0.isASCII && $0.isLetter } }
            if isCode(text.prefix(3)) { text.removeFirst(3) }
            if isCode(text.suffix(3)) { text.removeLast(3) }
            if text.hasPrefix("$") { text.removeFirst() }
        }
        return text
    }

    /// Which of "." and "," separates the decimals, or nil when the amount has none.
    private static func decimalMark(of body: String, threeDecimals: Bool, reader: Character) -> Character? {
        let separators = body.filter { $0 == "." || $0 == "," }
        guard let last = separators.last else { return nil }
        if separators.contains(where: { $0 != last }) { return last } // "1.500.000,50"
        if separators.count > 1 { return nil } // "1.500.000"
        let after = body.reversed().prefix { $0 != last }.count
        guard after == 3 else { return last } // "1500,5", "1234.56"
        return threeDecimals && last == reader ? last : nil
    }

    /// The whole part's digits, its thousands separators checked: a first group of one to three
    /// digits, then groups of exactly three ("1.500.000", never "15.00.000").
    private static func grouped(_ whole: Substring) throws(Failure) -> String {
        let groups = whole.split(separator: ".", omittingEmptySubsequences: false).flatMap {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        guard let first = groups.first, !first.isEmpty, first.allSatisfy(isDigit) else { throw .notAnAmount }
        if groups.count > 1 {
            guard first.count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 && $0.allSatisfy(isDigit) }) else {
                throw .notAnAmount
            }
            let marks = Set(whole.filter { $0 == "." || $0 == "," })
            guard marks.count == 1 else { throw .notAnAmount }
        }
        return groups.joined()
    }

    private static func isDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }
}
