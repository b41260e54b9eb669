/// A customer row. `currency` is nil when the file does not say (the app's default applies); the
/// credit limit is in the row's currency, or the default one.
public struct ImportedCustomer: Hashable, Sendable {
    public let line: Int
    public let code: String?
    public let name: String
    public let taxID: String?
    public let email: String?
    public let phone: String?
    public let currency: Currency?
    public let creditLimit: Money?
    public let paymentTerms: PaymentTerms?

    static func read(_ row: inout ImportRow) -> ImportedCustomer? {
        let name = row.required(.customerName)
        let currency = row.currency()
        let creditLimit = row.money(.creditLimit, currency: currency, required: false)
        if creditLimit?.isNegative == true { row.fail(.creditLimit, .negativeAmount) }
        let terms = row.text(.paymentTerms).flatMap { text in
            let terms = ImportedCustomer.terms(text)
            if terms == nil { row.fail(.paymentTerms, .badPaymentTerms(text)) }
            return terms
        }
        let email = row.email()
        guard row.errors.isEmpty, let name else { return nil }
        return ImportedCustomer(
            line: row.line, code: row.text(.customerCode), name: name, taxID: row.text(.taxID), email: email,
            phone: row.text(.phone), currency: row.text(.currency) == nil ? nil : currency,
            creditLimit: creditLimit, paymentTerms: terms)
    }

    /// "30", "30 días", "30 days", "Net 30", "Neto 30", "2/10 net30", "contado", "Due on receipt".
    static func terms(_ text: String) -> PaymentTerms? {
        let words = ImportHeaders.normalised(text)
        if ["due on receipt", "contado", "de contado", "al contado"].contains(words) { return .net0 }
        let days = words.replacingOccurrences(of: "neto ", with: "net ").split(separator: " ")
            .filter { !["dias", "dia", "days", "day", "d"].contains($0) }.joined(separator: " ")
        if let number = Int(days) { return try? PaymentTerms(netDays: number) }
        return try? PaymentTerms(code: text.lowercased().replacingOccurrences(of: "neto", with: "net"))
    }
}
