import CarteraCore

/// Payment terms in words: "Contado", "30 días", "30 días fin de mes", "2 % 10 días, neto 30" —
/// never the stored code ("net30", "2/10 net30").
enum TermsText {
    /// The terms the customer and invoice forms offer, in this order.
    static let choices: [String] = ["net0", "net15", "net30", "net45", "net60", "net90", "eom30", "2/10 net30"]

    static func words(_ terms: PaymentTerms, format: PageFormat) -> String {
        let days = String(terms.netDays)
        let net: String
        switch (terms.basis, terms.netDays) {
        case (.invoiceDate, 0): net = format.text("terms.cash")
        case (.invoiceDate, _): net = format.text("terms.net", ["days": days])
        case (.endOfMonth, 0): net = format.text("terms.end_of_month")
        case (.endOfMonth, _): net = format.text("terms.net_eom", ["days": days])
        }
        guard let discount = terms.discount else { return net }
        let percent = BasisPoints.rateText(Int(discount.basisPoints)).replacingOccurrences(
            of: ".", with: String(format.composer.moneyLocale.decimalMark))
        let after = terms.basis == .endOfMonth ? format.text("terms.net_eom", ["days": days]) : days
        return format.text(
            "terms.discount", ["percent": percent, "days": String(discount.days), "net": after])
    }

    /// A stored code in words; a code that cannot be read is shown as it is.
    static func words(code: String, format: PageFormat) -> String {
        (try? PaymentTerms(code: code)).map { words($0, format: format) } ?? code
    }

    /// The choices, plus `current` when it is another one (so editing never loses it), each in words.
    static func options(current: String?, format: PageFormat) -> [FormOption] {
        let canonical = current.flatMap { try? PaymentTerms(code: $0).code }
        var codes = choices
        if let canonical, !codes.contains(canonical) { codes.append(canonical) }
        return codes.map { FormOption(value: $0, label: words(code: $0, format: format), selected: $0 == canonical) }
    }
}

typealias FormOption = SelectOption
