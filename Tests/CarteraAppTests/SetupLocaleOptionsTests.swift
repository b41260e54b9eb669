import CarteraCore
import Testing

@testable import CarteraApp

/// The setup page's regional-format `<select>` lists every `SupportedLocale`, labelled from the locale files.
@Suite struct SetupLocaleOptionsTests {
    @Test func oneOptionPerSupportedLocaleInOrder() {
        let options = SignInController.SetupContext(needsOrganisation: true, error: nil).locales
        #expect(options.map(\.value) == ["es-CO", "es-CL", "es-MX", "es-ES", "en-US"])
        #expect(
            options.map(\.labelKey) == [
                "setup.locale.es-CO", "setup.locale.es-CL", "setup.locale.es-MX", "setup.locale.es-ES",
                "setup.locale.en-US",
            ])
    }
}
