import CarteraCore
import Testing

@testable import CarteraApp

@Suite struct BundledTemplateTests {
    /// Every default template parses and uses only known variables, in both languages.
    @Test func everyBundledTemplateIsValid() throws {
        let catalog = try TemplateCatalog.loadBundled()
        var checked = 0
        for key in TemplateCatalog.keys {
            for language in Localizer.supportedLanguages {
                for channel in [ReminderChannel.email, .sms, .letter] {
                    let source = try #require(
                        catalog.bundled(key: key, language: language, channel: channel), "\(key)/\(language)/\(channel)"
                    )
                    try TemplateCatalog.validate(source)
                    checked += 1
                }
            }
        }
        #expect(checked == TemplateCatalog.keys.count * 2 * 3)
    }
}
