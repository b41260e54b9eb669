import CarteraCore
import Foundation

/// Amounts and dates on pages, in the organisation's conventions and the reader's language.
struct PageFormat {
    let composer: MessageComposer

    init(organisation: Organisation, localizer: Localizer, language: String) {
        composer = MessageComposer(organisation: organisation, localizer: localizer, language: language)
    }

    func money(_ amount: Money) -> String { composer.money(amount) }

    func money(_ minor: Int64, _ code: String) -> String {
        (try? Currency(code: code)).map { money(Money(minorUnits: minor, currency: $0)) } ?? "\(code) \(minor)"
    }

    func date(_ iso: String?) -> String {
        guard let iso, let date = try? LocalDate(iso: iso) else { return iso ?? "" }
        return composer.date(date)
    }

    func date(_ date: LocalDate) -> String { composer.date(date) }

    /// A page text ("ui." key) in the reader's language, as `Request.text` gives it, for contexts built without a request.
    func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        composer.localizer.text("ui.\(key)", language: composer.language, arguments: arguments) ?? key
    }

    /// The decimal mark amounts are written (and typed) with on this page.
    var decimalMark: Character { composer.moneyLocale.decimalMark }

    /// How an amount is typed on this page, for placeholders: "1.500.000,50" or "1,500,000.50".
    var amountExample: String {
        let locale = composer.moneyLocale
        return "1\(locale.groupingMark)500\(locale.groupingMark)000\(locale.decimalMark)50"
    }

    /// 73537080000 → "73.537.080.000" (or "73,537,080,000" where the comma groups thousands).
    func integer(_ value: Int64) -> String {
        (value < 0 ? "-" : "")
            + groupedInThousands(String(value.magnitude), separator: composer.moneyLocale.groupingMark)
    }

    func moneyList(_ amounts: [Money]) -> String {
        amounts.isEmpty ? "—" : amounts.map(money).joined(separator: " + ")
    }
}

extension ServiceContext {
    func pageFormat(language: String) -> PageFormat {
        PageFormat(organisation: organisation, localizer: messaging.localizer, language: language)
    }
}
