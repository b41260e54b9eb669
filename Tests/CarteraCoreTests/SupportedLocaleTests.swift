import Testing

@testable import CarteraCore

@Suite struct SupportedLocaleTests {
    @Test func theFiveLocalesInTheirOrder() {
        #expect(SupportedLocale.allCases.map(\.identifier) == ["es-CO", "es-CL", "es-MX", "es-ES", "en-US"])
        #expect(SupportedLocale.identifiers == "es-CO, es-CL, es-MX, es-ES, en-US")
    }

    @Test func identifiersAreReadTolerantly() {
        #expect(SupportedLocale(identifier: "es-CO") == .esCO)
        #expect(SupportedLocale(identifier: "ES-mx") == .esMX)
        #expect(SupportedLocale(identifier: "es") == .esCO, "a bare language is its default region")
        #expect(SupportedLocale(identifier: "en") == .enUS)
        #expect(SupportedLocale(identifier: "fr-FR") == nil)
        #expect(SupportedLocale(rawValue: "es-co") == nil, "what is stored is checked exactly")
    }

    @Test func languageAndItsDefaultLocale() {
        #expect(SupportedLocale.allCases.map(\.language) == [.es, .es, .es, .es, .en])
        #expect(SupportedLocale.Language.es.defaultLocale == .esCO)
        #expect(SupportedLocale.Language.en.defaultLocale == .enUS)
    }

    @Test func numberMarks() {
        #expect(SupportedLocale.allCases.map(\.decimalMark) == [",", ",", ".", ",", "."])
        #expect(SupportedLocale.allCases.map(\.groupingMark) == [".", ".", ",", ".", ","])
    }

    @Test func amountsAreWrittenAsBefore() throws {
        let pesos = Money(minorUnits: 123_456_789, currency: .cop)
        for locale in SupportedLocale.allCases {
            #expect(pesos.formatted(locale: locale) == pesos.formatted(locale: locale.identifier))
        }
        #expect(pesos.formatted(locale: .esCO) == "$ 1.234.567,89")
        #expect(pesos.formatted(locale: .esES) == "1.234.567,89 COP")
        #expect(
            pesos.formatted(locale: "xx-YY") == pesos.formatted(locale: .enUS),
            "an unknown identifier is written the en-US way")
    }
}
