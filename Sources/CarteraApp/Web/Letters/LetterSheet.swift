import CarteraCore
import Foundation

/// One letter as it goes on paper, in the customer's language (the language its text was written in): the
/// organisation's letterhead, the place and the day it was queued in words, the customer's postal block, the
/// subject, the text, and the signature. Formatting only.
struct LetterSheet: Encodable {
    struct Letterhead: Encodable {
        let name: String
        /// "NIT 900.123.456-7"; empty when the organisation has not given one.
        let taxId: String
        let address: [String]
        /// "Tel. 601 555 0100 · cartera@empresa.co".
        let contact: String
    }

    struct Signature: Encodable {
        let closing: String
        let name: String
        let title: String
        let organisation: String
    }

    let id: String
    let lang: String
    let letterhead: Letterhead
    let placeAndDate: String
    /// "Señores", the customer's name, "Atención: …" and the address lines.
    let recipient: [String]
    /// No street or city: the post could not deliver it.
    let addressMissing: Bool
    let editCustomerURL: String
    let subjectLabel: String
    let subject: String
    let paragraphs: [[String]]
    let signature: Signature

    init(letter: OutboxMessage, customer: Customer, organisation: Organisation, format: PageFormat) throws {
        let text = { (key: String, arguments: [String: String]) in format.text(key, arguments) }
        id = try letter.requireID().uuidString
        lang = format.composer.language
        let phone = organisation.phone.map { text("letter.phone", ["phone": $0]) }
        letterhead = Letterhead(
            name: organisation.name,
            taxId: organisation.taxID.map {
                text(
                    "letter.tax_id.\(Self.taxIDLabel(organisation.supportedLocale))",
                    ["id": TaxIDText.display($0, locale: organisation.supportedLocale)])
            } ?? "",
            address: organisation.postalAddress.lines,
            contact: [phone, organisation.email].compactMap { $0 }.joined(separator: " · "))
        let date = Self.day(of: letter, timeZone: format.timeZone).map { Self.words($0, format: format) } ?? ""
        placeAndDate = organisation.city.map { text("letter.place_date", ["city": $0, "date": date]) } ?? date
        let address = customer.postalAddress
        let attention =
            letter.recipientName.isEmpty || letter.recipientName == customer.legalName
            ? nil : text("letter.attention", ["name": letter.recipientName])
        recipient = ([text("letter.addressee", [:]), customer.legalName, attention].compactMap { $0 } + address.lines)
            .filter { !$0.isEmpty }
        addressMissing = !address.isMailable
        editCustomerURL = AppURL.customerEdit(letter.$customer.id)
        subjectLabel = text("letter.subject", [:])
        subject = letter.subject
        paragraphs = LetterParagraphs.split(letter.bodyText)
        signature = Signature(
            closing: text("letter.closing", [:]), name: organisation.signerName ?? "",
            title: organisation.signerTitle ?? "", organisation: organisation.name)
    }

    /// The day the letter was queued, in the organisation's time zone.
    static func day(of letter: OutboxMessage, timeZone: TimeZone) -> LocalDate? {
        (try? LocalDate(iso: letter.scheduledOn)) ?? letter.createdAt.map { LocalDate.today(at: $0, in: timeZone) }
    }

    /// "3 de diciembre de 2026", "December 3, 2026": a letter's date, month in full.
    static func words(_ day: LocalDate, format: PageFormat) -> String {
        format.text(
            "letter.date",
            ["day": String(day.day), "month": format.text("letter.month.\(day.month)"), "year": String(day.year)])
    }

    /// What a tax id is called where the organisation is ("NIT" in Colombia, "RUT" in Chile …).
    static func taxIDLabel(_ locale: SupportedLocale) -> String {
        switch locale {
        case .esCO: "nit"
        case .esCL: "rut"
        case .esMX: "rfc"
        case .esES: "nif"
        case .enUS: "ein"
        }
    }
}
