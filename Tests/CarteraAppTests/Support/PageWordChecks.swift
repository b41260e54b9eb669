import CarteraCore
import Foundation

@testable import CarteraApp

/// What must not reach a person's eyes: internal codes instead of words, ids, machine dates, and
/// numbers written the other language's way. The lists come from the code (the API vocabulary,
/// the policy steps, the locale files), so a new enum case or key is checked without editing this.
struct PageWordChecks {
    struct Finding: CustomStringConvertible {
        let rule: String
        let text: String
        let context: String
        var description: String { "\(rule): «\(text)» in «\(context)»" }
    }

    /// Free text people typed (names, notes, reasons): shown as they wrote it, so not checked.
    var typedText: [String] = []
    /// What customers were sent (subjects and bodies, in the customer's language): a page that
    /// quotes a message shows it as it went out.
    var quotedText: [String] = [] {
        didSet { quotedCollapsed = quotedText.map(Self.collapsed) }
    }
    private var quotedCollapsed: [String] = []
    /// The samples that show a file's number format ("1.234,56" on an English page describing a
    /// Spanish bank file): examples of the other convention on purpose.
    static let formatSamples: Set<String> = ["1.234,56", "1,234.56"]

    static func collapsed(_ text: String) -> String {
        text.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression).trimmingCharacters(
            in: .whitespaces)
    }

    /// Staff email addresses: a person is named by their name, except where people are managed.
    var staffEmails: [String] = []

    /// Single English words that are raw values of enums but also Spanish words or format names
    /// that are written that way on purpose ("plan de pagos", "en", "CSV").
    static let spanishOrFormatWords: Set<String> = ["en", "es", "plan", "portal", "csv", "sms", "camt053", "mt940"]

    static let vocabulary: [String] =
        APIVocabulary.entries.values.flatMap { $0 }
        + CollectionPolicy.standard.steps.map(\.key) + TemplateKey.allCases.map(\.rawValue)

    /// The first part of every locale key ("ui", "error", …) and of every page key ("ui.audit" →
    /// "audit"): a text shown as `audit.message.sent` is a key that found no translation.
    static let keyPrefixes: [String] = {
        guard
            let data = try? Data(contentsOf: localesURL()),
            let keys = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        else { return ["ui", "error", "audit", "flash"] }
        var prefixes = Set(["ui", "error", "audit", "flash"])
        for key in keys.keys {
            let parts = key.split(separator: ".")
            prefixes.insert(String(parts[0]))
            if parts[0] == "ui", parts.count > 2 { prefixes.insert(String(parts[1])) }
        }
        return prefixes.sorted()
    }()

    private static func localesURL() -> URL {
        let source = URL(fileURLWithPath: #filePath)
        let root = source.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent("Sources/CarteraApp/Resources/Locales/es.json")
    }

    private static func regex(_ pattern: String) -> NSRegularExpression {
        try! NSRegularExpression(pattern: pattern)
    }

    /// snake_case words (enum raw values, step keys, template keys): never text.
    static let snakeCase = regex("(?<![\\w@./{-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\\w@/}-])(?!\\.[a-z])")
    /// A step key with a dash, as policies may name them ("after-10").
    static let stepKey = regex("\\b(?:before|after|letter|call|final|due|step)[_-]\\d+\\b")
    /// Payment terms codes: net30, eom45, 2/10 net30.
    static let termsCode = regex("(?i)\\b(?:net|eom)\\d+\\b|\\b\\d+(?:\\.\\d+)?/\\d+\\s*(?:net|eom)\\s*\\d+")
    static let untranslatedKey = regex(
        "(?<![\\w@.])(?:" + keyPrefixes.map(NSRegularExpression.escapedPattern).joined(separator: "|")
            + ")\\.[a-z][a-z0-9_]*(?:\\.[a-z0-9_]+)*(?![\\w@])")
    static let uuid = regex("(?i)\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b")
    static let isoDate = regex("\\b\\d{4}-\\d{2}-\\d{2}\\b")
    static let isoTime = regex(
        "\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z\\b|[+-]\\d{2}:?\\d{2}\\b)|\\dT\\d{2}:\\d{2}|\\d{1,2}:\\d{2}\\s*(?:UTC|GMT)\\b"
    )
    /// Who did it, as the machine records it: "user:ana@…", "api_key:…", "cli:demo".
    static let actorCode = regex("\\b(?:user|api_key|cli|portal|stripe|bench|job|system):\\S")
    /// A locale code as text ("es-CO", "Idioma es").
    static let localeCode = regex("\\b(?:es|en)-[A-Z]{2}\\b|\\b(?:Idioma|Language|idioma|language):?\\s+(?:es|en)\\b")
    /// A run of digits with dots and commas: judged by the page's language.
    static let number = regex("(?<![\\w.,])\\d[\\d.,]*\\d|(?<![\\w.,])\\d")
    static let word = regex("(?<![\\w@./-])[a-z][a-z0-9]*(?![\\w@/-])")

    func findings(in pieces: [String], language: String, allowsStaffEmails: Bool) -> [Finding] {
        var found: [Finding] = []
        let vocabulary = Set(Self.vocabulary)
        for original in pieces {
            if original.count > 12, quotedCollapsed.contains(where: { $0.contains(original) }) { continue }
            // A template's placeholders ({{customer_name}}, {{#invoices}}) are the editor's syntax, shown on purpose.
            var piece = original.replacingOccurrences(of: "\\{\\{[^}]*\\}\\}", with: " ", options: .regularExpression)
            // Longest first, so a name that contains another is removed whole.
            for typed in typedText.sorted(by: { $0.count > $1.count }) where !typed.isEmpty && piece.contains(typed) {
                piece = piece.replacingOccurrences(of: typed, with: " ")
            }
            func report(_ rule: String, _ expression: NSRegularExpression, where keep: (String) -> Bool = { _ in true })
            {
                for match in expression.matches(in: piece, range: NSRange(piece.startIndex..., in: piece)) {
                    let text = (piece as NSString).substring(with: match.range)
                    if keep(text) {
                        found.append(Finding(rule: rule, text: text, context: String(original.prefix(160))))
                    }
                }
            }
            report("snake_case code", Self.snakeCase) { !$0.hasPrefix(APIKeys.secretPrefix) }
            report("step key", Self.stepKey)
            report("payment terms code", Self.termsCode)
            report("untranslated locale key", Self.untranslatedKey)
            report("raw id", Self.uuid)
            report("ISO date", Self.isoDate)
            report("ISO or UTC time", Self.isoTime)
            report("actor code", Self.actorCode)
            report("locale code", Self.localeCode)
            if !allowsStaffEmails {
                for email in staffEmails where piece.contains(email) {
                    found.append(
                        Finding(rule: "a person shown by email", text: email, context: String(original.prefix(160))))
                }
            }
            if language == "es" {
                report("English code word", Self.word) {
                    vocabulary.contains($0) && !Self.spanishOrFormatWords.contains($0)
                }
                report("decimal point in Spanish", Self.number) {
                    Self.hasEnglishDecimalMark($0) && !Self.formatSamples.contains($0)
                }
            } else {
                report("decimal comma in English", Self.number) {
                    Self.hasSpanishDecimalMark($0) && !Self.formatSamples.contains($0)
                }
            }
        }
        return found
    }

    /// "73.74", "91.3", "1,500.50": a dot before other than three digits, or a comma before a dot.
    static func hasEnglishDecimalMark(_ number: String) -> Bool {
        let integer = number.split(separator: ",", omittingEmptySubsequences: false)[0]
        if number.contains(","), let comma = number.firstIndex(of: ","), let dot = number.firstIndex(of: "."),
            comma < dot
        {
            return true
        }
        let groups = integer.split(separator: ".", omittingEmptySubsequences: false)
        return groups.count > 1 && groups.dropFirst().contains { $0.count != 3 }
    }

    /// "73,74" or "1.500,50" on an English page.
    static func hasSpanishDecimalMark(_ number: String) -> Bool {
        let integer = number.split(separator: ".", omittingEmptySubsequences: false)[0]
        if let dot = number.firstIndex(of: "."), let comma = number.firstIndex(of: ","), dot < comma { return true }
        let groups = integer.split(separator: ",", omittingEmptySubsequences: false)
        return groups.count > 1 && groups.dropFirst().contains { $0.count != 3 }
    }
}
