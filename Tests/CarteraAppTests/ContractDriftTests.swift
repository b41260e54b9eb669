import CarteraCore
import Foundation
import Testing

@testable import CarteraApp

/// The words the code defines — enum cases, locale keys — against the files that restate them:
/// `tools/vocabulary.json`, every `enum` of `openapi.json`, the locale files and the templates.
/// (Routes and reply fields are `OpenAPIDocumentTests`' part.)
@Suite struct ContractDriftTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let regenerate =
        "run `CARTERA_AUTO_MIGRATE=false swift run cartera vocabulary --log error > tools/vocabulary.json && python3 tools/openapi.py`"

    @Test func vocabularyFileIsTheCodes() throws {
        let written = try String(contentsOf: Self.root.appendingPathComponent("tools/vocabulary.json"), encoding: .utf8)
        #expect(written == (try APIVocabulary.json()), "tools/vocabulary.json is stale: \(Self.regenerate)")
    }

    @Test func everyDocumentedEnumIsAVocabularyEntry() throws {
        let document = try Self.json("Sources/CarteraApp/Resources/openapi.json")
        var used = Set<String>()
        for found in OpenAPIEnums.all(in: document) {
            guard let name = OpenAPIEnums.vocabularyName(for: found.location) else {
                Issue.record(
                    "\(found.location): an enum the test does not know; name its vocabulary entry in OpenAPIEnums")
                continue
            }
            used.insert(name)
            #expect(
                found.values == APIVocabulary.entries[name],
                "\(found.location) differs from \(name): \(Self.regenerate)")
        }
        #expect(
            Set(APIVocabulary.entries.keys).subtracting(used).isEmpty, "vocabulary entries no enum of the document uses"
        )
        let bucketFields = document["components"]["schemas"]["AgingBuckets"]["properties"].object.keys.sorted()
        #expect(
            bucketFields == AgingBucket.allCases.map(\.rawValue).sorted(),
            "AgingBuckets' fields are not the aging buckets")
    }

    @Test func spanishAndEnglishHaveTheSameKeys() throws {
        let (es, en) = (try Self.locale("es"), try Self.locale("en"))
        // English API errors are the message the code raised (`Localizer.errorMessage`): only other
        // languages need `error.<code>`, so English may lack some of them, and nothing else.
        let isError = { (key: String) in key.hasPrefix("error.") }
        let onlySpanish = Set(es.keys).subtracting(en.keys).filter { !isError($0) }
        let onlyEnglish = Set(en.keys).subtracting(es.keys)
        #expect(
            onlySpanish.isEmpty && onlyEnglish.isEmpty,
            "only in es: \(onlySpanish.sorted()); only in en: \(onlyEnglish.sorted())")
    }

    @Test func everyLiteralKeyExists() throws {
        let keys = try LocaleKeyUses.literalKeys(root: Self.root)
        #expect(keys.count > 100, "the scan found too few keys: \(keys.count)")
        for language in Localizer.supportedLanguages {
            let table = try Self.locale(language)
            let missing = keys.filter { table[$0.key] == nil }.map { "\($0.key) (\($0.file))" }.sorted()
            #expect(missing.isEmpty, "\(language): \(missing)")
        }
    }

    @Test func everyShownCaseHasItsText() throws {
        for language in Localizer.supportedLanguages {
            let table = try Self.locale(language)
            for pattern in LocaleKeyUses.casePatterns {
                let missing = pattern.keys.filter { table[$0] == nil }
                #expect(missing.isEmpty, "\(language): \(missing)")
            }
        }
    }

    @Test func everyKeyPatternInTheCodeIsChecked() throws {
        let prefixes = try LocaleKeyUses.interpolatedPrefixes(root: Self.root)
        let covered = Set(LocaleKeyUses.casePatterns.map(\.prefix)).union(LocaleKeyUses.openPrefixes)
        #expect(prefixes.count > 10, "the scan found too few patterns: \(prefixes.sorted())")
        #expect(
            prefixes.subtracting(covered).isEmpty,
            "key patterns no case list covers: \(prefixes.subtracting(covered).sorted())")
    }

    static func json(_ path: String) throws -> JSON {
        try JSON(data: Data(contentsOf: root.appendingPathComponent(path)))
    }

    static func locale(_ language: String) throws -> [String: String] {
        try JSONDecoder().decode(
            [String: String].self,
            from: Data(contentsOf: root.appendingPathComponent("Sources/CarteraApp/Resources/Locales/\(language).json"))
        )
    }
}
