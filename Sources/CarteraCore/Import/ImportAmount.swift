/// Reads amounts as spreadsheets and accounting exports write them — "1.234,56", "1,234.56", "1234",
/// "-1.234,56", "(1,234.56)", "$ 1.234", "€1.234,56", "1 234,56", "COP 1.500" — into exact minor
/// units. The cleaned text goes through `StatementAmount`, the same checks bank files get: groups of
/// three, no rounding, zeros past the currency's decimals allowed and any other digit refused.
enum ImportAmount {
    typealias DecimalMark = CSVStatementLayout.DecimalMark

    enum Failure: Error, Equatable {
        case notANumber
        /// "1.234" with no decimal mark chosen: 1234 or 1.234.
        case ambiguous
        case tooManyDecimals
        /// More than `Money.limit` minor units either way.
        case tooLarge
    }

    /// - Parameter decimal: the file's decimal mark; nil reads only amounts that show their own.
    static func parse(_ raw: String, currency: Currency, decimal: DecimalMark?) throws(Failure) -> Money {
        guard let (negative, body) = signAndDigits(raw, currency: currency) else { throw .notANumber }
        guard let mark = decimal ?? evidence(body) ?? (body.contains(where: { $0 == "." || $0 == "," }) ? nil : .point)
        else {
            throw .ambiguous
        }
        let (point, grouping): (Character, Character) = mark == .point ? (".", ",") : (",", ".")
        if let separator = body.lastIndex(of: point) {
            let fraction = body[body.index(after: separator)...].reversed().drop { $0 == "0" }
            if fraction.count > currency.minorUnitExponent, fraction.allSatisfy(StatementText.isDigit) {
                throw .tooManyDecimals
            }
        }
        do {
            return try StatementAmount.parse(
                (negative ? "-" : "") + body, currency: currency, decimal: point, grouping: grouping, allowSign: true)
        } catch {
            throw error.isTooLarge ? .tooLarge : .notANumber
        }
    }

    /// The decimal mark an amount proves by itself: the last of two different separators, the
    /// other one when a separator repeats ("1.234.567"), or a lone one not followed by exactly three
    /// digits. "1.234" proves nothing — unless it starts with 0 or has more than three digits before.
    static func evidence(_ text: String) -> DecimalMark? {
        let separators = text.filter { $0 == "." || $0 == "," }
        guard let last = separators.last else { return nil }
        let mark: DecimalMark = last == "." ? .point : .comma
        if separators.contains(where: { $0 != last }) { return mark }
        if separators.count > 1 { return mark == .point ? .comma : .point }
        let whole = text.prefix { $0 != last }.filter(StatementText.isDigit)
        let fraction = text.drop { $0 != last }.dropFirst()
        guard fraction.count == 3, whole.count <= 3, whole != "0" else { return mark }
        return nil
    }

    /// Strips what is not the number — spaces (also the no-break and thin ones French-style
    /// grouping uses), "$", "€", "£", the row's currency code — and reads the sign from "-" before
    /// or after, or from parentheses (accountants' negatives). nil when anything else is left.
    private static func signAndDigits(_ raw: String, currency: Currency) -> (negative: Bool, body: String)? {
        // The usual cell, "-1234,56" or "1.234.567": nothing to strip, only a sign to read.
        if raw.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x2C || $0 == 0x2E }) { return (false, raw) }
        if raw.utf8.first == 0x2D,
            raw.utf8.dropFirst().allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x2C || $0 == 0x2E })
        {
            return raw.utf8.count > 1 ? (true, String(raw.dropFirst())) : nil
        }
        var text = Substring(
            String(
                raw.unicodeScalars.compactMap { scalar -> Character? in
                    if scalar.properties.isWhitespace || "$€£¥".unicodeScalars.contains(scalar) { return nil }
                    return scalar == "\u{2212}" ? "-" : Character(scalar) // the typographic minus
                }))
        var negative = false
        if text.first == "(", text.last == ")" {
            negative = true
            text = text.dropFirst().dropLast()
        }
        func sign() -> Bool {
            if let first = text.first, first == "-" || first == "+" {
                text = text.dropFirst()
                return first == "-"
            }
            if text.last == "-" {
                text = text.dropLast()
                return true
            }
            return false
        }
        var signed = sign()
        let prefix = text.prefix(while: \.isLetter)
        let suffix = String(text.reversed().prefix(while: \.isLetter).reversed())
        for code in [String(prefix), suffix] where !code.isEmpty && code.uppercased() != currency.code { return nil }
        text = text.dropFirst(prefix.count).dropLast(suffix.count)
        signed = sign() || signed
        guard !text.isEmpty, !(negative && signed),
            text.allSatisfy({ StatementText.isDigit($0) || $0 == "." || $0 == "," })
        else { return nil }
        return (negative || signed, String(text))
    }
}
