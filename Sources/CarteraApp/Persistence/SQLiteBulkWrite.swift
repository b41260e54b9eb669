import Fluent
import SQLKit

/// How SQLite is told that one big write transaction is coming (an import). It would outgrow the
/// default page cache (2 MB) and spill dirty pages to the WAL midway, then read back pages it had
/// just written; and each multi-row INSERT would keep its statement journal in a temporary file.
/// Together that was most of a big import's system time. `begin` runs before the transaction's
/// first write (SQLite places statement journals when the write starts); `end` before it commits.
/// Memory is taken only as pages are used. Other databases are left alone.
enum SQLiteBulkWrite {
    static let cacheKibibytes = 256 * 1024

    static func begin(on db: any Database) async throws {
        switch try db.dialect {
        case .sqlite:
            try await db.sql.raw("PRAGMA cache_size = -\(unsafeRaw: String(cacheKibibytes))").run()
            // Refused inside a transaction once the connection has opened its temporary database (an
            // ALTER TABLE … DROP COLUMN does, e.g. in a migration): the import then journals to a file.
            try? await db.sql.raw("PRAGMA temp_store = MEMORY").run()
        case .postgresql: return
        }
    }

    /// `work` with the bulk settings, and the defaults again after it, whether it succeeds or throws.
    /// Restoring is only a setting of this connection: a failure there must not undo the work.
    static func around<T: Sendable>(on db: any Database, _ work: () async throws -> T) async throws -> T {
        try await begin(on: db)
        do {
            let result = try await work()
            try? await end(on: db)
            return result
        } catch {
            try? await end(on: db)
            throw error
        }
    }

    /// The connection goes back to the pool with SQLite's defaults.
    static func end(on db: any Database) async throws {
        switch try db.dialect {
        case .sqlite:
            try await db.sql.raw("PRAGMA cache_size = -2000").run()
            try await db.sql.raw("PRAGMA temp_store = DEFAULT").run()
        case .postgresql: return
        }
    }
}
