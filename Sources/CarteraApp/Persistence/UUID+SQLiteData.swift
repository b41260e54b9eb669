import CarteraCore
import FluentSQLiteDriver
import Foundation

/// SQLite keeps ids as text, `uuidString`'s upper-case form. Without this conformance SQLiteKit
/// reads and writes every id through UUID's Codable form, which on Linux parses with `sscanf` and
/// prints with `snprintf`: a fifth of the day's pass over the account summaries, and of every page
/// and API reply that reads models. The text stored is the same as before, character for character.
/// (Retroactive on purpose: neither module is ours, and SQLiteKit asks exactly this protocol first.)
// swift-format-ignore: AvoidRetroactiveConformances
extension UUID: @retroactive SQLiteDataConvertible {
    public init?(sqliteData: SQLiteData) {
        guard case .text(let text) = sqliteData, let id = UUID(fastString: text) else { return nil }
        self = id
    }

    public var sqliteData: SQLiteData? { .text(canonicalText) }
}
