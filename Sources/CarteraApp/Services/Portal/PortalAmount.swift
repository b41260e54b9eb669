import CarteraCore

/// Reads an amount as a customer types it on the portal, in their own conventions:
/// "1.500.000,50", "$ 1.500.000", "1,500,000.50", "US$ 250", "500000.00" (the wire form keeps working).
/// The cleaned digits go through `Money(decimalString:)`, so nothing is rounded and nothing overflows.
enum PortalAmount {
    enum Failure: Error, Equatable {
        case notAnAmount
        case tooManyDecimals
        case tooLarge
    }

    /// - Parameter decimal: the reader's decimal mark ("," in es-CO), which settles "1.500" only for
    ///   currencies with three decimals; with fewer, a lone mark before three digits groups thousands.
    static func parse(_ raw: String, currency: Currency, decimal: Character) throws(Failure) -> Money {
        guard raw.count <= PortalLimits.amountLength else { throw .notAnAmount }
        let body = stripped(raw, currency: currency)
        guard !body.isEmpty, body.allSatisfy({ isDigit($0) || $0 == "." || $0 == "," }), body.first.map(isDigit) == true
        else {
            throw .notAnAmount
        }
        let mark = decimalMark(of: body, currency: currency, reader: decimal)
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
        let digits = try grouped(whole)
        let significant = fraction.reversed().drop { $0 == "0" }.count
        guard significant <= currency.minorUnitExponent else { throw .tooManyDecimals }
        let kept = fraction.prefix(currency.minorUnitExponent)
        guard let amount = try? Money(decimalString: kept.isEmpty ? digits : "\(digits).\(kept)", currency: currency)
        else { throw .tooLarge }
        guard amount.minorUnits <= PortalLimits.maximumAmountMinorUnits else { throw .tooLarge }
        return amount
    }

    /// The text without spaces (also no-break and thin ones), currency signs and the currency's code.
    private static func stripped(_ raw: String, currency: Currency) -> String {
        var text = String(raw.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
        for sign in ["US$", currency.code, currency.code.lowercased(), "$", "€"] {
            if text.hasPrefix(sign) { text.removeFirst(sign.count) }
            if text.hasSuffix(sign) { text.removeLast(sign.count) }
        }
        return text
    }

    /// Which of "." and "," separates the decimals, or nil when the amount has none.
    private static func decimalMark(of body: String, currency: Currency, reader: Character) -> Character? {
        let separators = body.filter { $0 == "." || $0 == "," }
        guard let last = separators.last else { return nil }
        if separators.contains(where: { $0 != last }) { return last } // "1.500.000,50"
        if separators.count > 1 { return nil } // "1.500.000"
        let after = body.reversed().prefix { $0 != last }.count
        guard after == 3 else { return last } // "1500,5", "1234.56"
        return currency.minorUnitExponent >= 3 && last == reader ? last : nil
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
