import Fluent
import SQLKit

/// Fluent's schema builder has no plain indexes; SQLKit's portable `CREATE INDEX` fills the gap.
enum SQLIndex {
    static func create(_ name: String, on table: String, columns: [String], on database: any Database) async throws {
        let sql = try database.sql
        var builder = sql.create(index: name).on(table)
        for column in columns { builder = builder.column(column) }
        try await builder.run()
    }

    static func drop(_ name: String, on database: any Database) async throws {
        let sql = try database.sql
        try await sql.drop(index: name).ifExists().run()
    }
}
