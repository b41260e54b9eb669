import CarteraCore
import Foundation
import Vapor

/// User-facing text in Spanish and English, loaded from `Resources/Locales/<lang>.json`.
/// Lookups fall back to the other language and then to the caller's English text.
public struct Localizer: Sendable {
    public static let supportedLanguages = SupportedLocale.Language.allCases.map(\.rawValue)
    private let tables: [String: [String: String]]

    public init(tables: [String: [String: String]]) { self.tables = tables }

    public static func loadBundled() throws -> Localizer {
        var tables: [String: [String: String]] = [:]
        for language in supportedLanguages {
            guard
                let url = Bundle.module.url(
                    forResource: language, withExtension: "json", subdirectory: "Resources/Locales")
            else {
                throw ConfigError(variable: "Resources/Locales/\(language).json", reason: "missing from the bundle")
            }
            tables[language] = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
        }
        return Localizer(tables: tables)
    }

    public func text(_ key: String, language: String, arguments: [String: String] = [:]) -> String? {
        guard var template = tables[language]?[key] ?? tables["en"]?[key] else { return nil }
        for (name, value) in arguments { template = template.replacingOccurrences(of: "{\(name)}", with: value) }
        return template
    }

    /// - Parameter labelled: for a page, where the field is named by its label ("Importe", `ui.field.<key>`)
    ///   and a page wording (`error.page.<code>`: amounts as people type them) wins over the API's.
    func errorMessage(code: String, field: String?, fallback: String, language: String, labelled: Bool = false)
        -> String
    {
        let label = field.flatMap { labelled ? text("ui.field.\($0)", language: language) : nil }
        // English messages are built by the code that raised the error and carry specifics; other
        // languages, and a page that can name the field, use the translated message for the code.
        guard language != "en" || label != nil else { return fallback }
        let arguments = ["field": label ?? field ?? ""]
        let pageText = labelled ? text("error.page.\(code)", language: language, arguments: arguments) : nil
        return pageText ?? text("error.\(code)", language: language, arguments: arguments) ?? fallback
    }
}

extension Application {
    private struct LocalizerKey: StorageKey { typealias Value = Localizer }
    public var localizer: Localizer {
        get { storage[LocalizerKey.self] ?? Localizer(tables: [:]) }
        set { storage[LocalizerKey.self] = newValue }
    }
}

extension Request {
    /// "es" or "en" from Accept-Language; English unless Spanish is asked for first.
    var preferredLanguage: String {
        let ranked =
            headers[.acceptLanguage].first?.split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            } ?? []
        for entry in ranked {
            let language = String(entry.prefix(2))
            if Localizer.supportedLanguages.contains(language) { return language }
        }
        return "en"
    }
}
