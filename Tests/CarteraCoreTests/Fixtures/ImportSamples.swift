import Foundation
import Testing

@testable import CarteraCore

/// Import fixtures: files under Fixtures/import (bytes as an export writes them) and helpers.
enum ImportSamples {
    static func file(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "import"))
        return Array(try Data(contentsOf: url))
    }

    static let cop = ImportOptions(defaultCurrency: .cop)

    static func read(
        _ text: String, _ kind: ImportKind = .invoices, mapping: ColumnMapping = .automatic,
        options: ImportOptions = cop
    ) -> ImportResult {
        CSVImport.read(Array(text.utf8), kind: kind, mapping: mapping, options: options)
    }

    static func date(_ iso: String) throws -> LocalDate { try LocalDate(iso: iso) }
}
