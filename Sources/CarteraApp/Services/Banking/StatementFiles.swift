import CarteraCore
import Foundation

/// The bank file formats Cartera reads, and how a file becomes statements.
enum StatementFormat: String, CaseIterable, Codable, Sendable {
    case camt053, mt940, csv
}

enum StatementFiles {
    /// CSV layouts by name: the generic one and the Spanish-bank export (";", dd/mm/yyyy, "1.234,56").
    static let csvPresets: [String: CSVStatementLayout] = ["generic": .generic, "spanish-bank": .spanishBank]

    static func parse(_ data: Data, format: StatementFormat, csvPreset: String?, account: String?, currency: Currency)
        throws -> [BankStatement]
    {
        do {
            switch format {
            case .camt053:
                return try Camt053Parser.parse(data)
            case .mt940:
                return try MT940Parser.parse(try text(data))
            case .csv:
                let name = csvPreset ?? "generic"
                guard var layout = csvPresets[name] else {
                    throw ServiceError.invalid(
                        "preset", "preset must be one of: \(csvPresets.keys.sorted().joined(separator: ", "))")
                }
                layout.currency = currency
                return [try CSVStatementParser.parse(try text(data), layout: layout, account: account ?? "csv")]
            }
        } catch let error as StatementFormatError {
            throw ServiceError(.invalid, code: "invalid_statement", message: error.description, field: "file")
        } catch let error as DomainError {
            throw ServiceError(error, field: "file")
        }
    }

    /// UTF-8, else Latin-1 (many bank exports still are), so accents survive either way.
    private static func text(_ data: Data) throws -> String {
        if let utf8 = String(data: data, encoding: .utf8) { return utf8 }
        if let latin1 = String(data: data, encoding: .isoLatin1) { return latin1 }
        throw ServiceError.invalid("file", code: "invalid_statement", "The file is not text")
    }
}
