import CarteraCore

/// A tax id as people of the organisation's country write it, whatever way it was typed: a
/// Colombian NIT "900.123.456-7", a Chilean RUT "76.123.456-K". Ids of other shapes (an RFC, a
/// NIF, a foreign id) are shown as stored. Formatting only: validating the check digit is the
/// customer form's business.
enum TaxIDText {
    static func display(_ taxID: String?, locale: SupportedLocale) -> String {
        guard let taxID, !taxID.isEmpty else { return "" }
        let key = SearchText.compact(taxID)
        switch locale {
        case .esCO:
            // A NIT with its check digit written apart ("900123456-7") or nine digits without it.
            let digitsOnly = key.allSatisfy(\.isNumber)
            if digitsOnly, key.count == 9 { return grouped(key) }
            if digitsOnly, key.count == 10, taxID.contains("-") || taxID.contains(".") {
                return grouped(String(key.dropLast())) + "-" + String(key.suffix(1))
            }
        case .esCL:
            let body = key.dropLast()
            if (7...8).contains(body.count), body.allSatisfy(\.isNumber), let last = key.last,
                last.isNumber || last == "K"
            {
                return grouped(String(body)) + "-" + String(last)
            }
        case .esMX, .esES, .enUS: break
        }
        return taxID
    }

    /// "900123456" → "900.123.456".
    private static func grouped(_ digits: String) -> String { groupedInThousands(digits, separator: ".") }
}
