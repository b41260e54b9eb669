import Fluent
import SQLKit

/// SQLite's query planner knows nothing about the data until `ANALYZE` has run: with two indexes
/// that both fit a query it may take the organisation-wide one, and a customer's page then read
/// every paid invoice of the organisation (0.27 s instead of 1 ms with a million invoices). A
/// sampled `ANALYZE` (about a second on a 2 GB file) runs when the server starts and after every
/// import of `refreshedAfterImportsOf` rows or more (a few rows change nothing the planner sees, and
/// the refresh holds the write lock). PostgreSQL keeps its own statistics (autovacuum).
enum DatabaseStatistics {
    /// Rows sampled per index: close enough for the planner, and bounded whatever the size.
    static let sampledRows = 1_000
    static let refreshedAfterImportsOf = 1_000

    static func refresh(on db: any Database) async throws {
        switch try db.dialect {
        case .sqlite: break
        case .postgresql: return
        }
        try await WriteIntent.transaction(on: db) { tx in
            let sql = try tx.sql
            try await sql.raw("PRAGMA analysis_limit = \(unsafeRaw: String(sampledRows))").run()
            try await sql.raw("ANALYZE").run()
        }
    }
}
