import Fluent
import SQLKit

/// SQLite allows one writer at a time, and SQLiteNIO's busy handler retries at once, forever, on a
/// thread of the database's thread pool. Two transactions waiting there can occupy every thread while
/// the one holding the lock needs a thread to finish: a deadlock. So on SQLite, write transactions
/// queue here, in async code, for an in-process lock first, and then take the write lock up front
/// (`declare`) so they cannot deadlock each other inside SQLite either. PostgreSQL needs none of
/// this: its row locks do the job (see `RowLocks`).
enum WriteIntent {
    /// SQLite's writers of this process, one at a time, first come first served (one key: the database).
    private static let sqliteWriters = KeyedTurns<Int>()

    /// `bulk`: one large transaction (an import), see `SQLiteBulkWrite`.
    static func transaction<T: Sendable>(
        on db: any Database, bulk: Bool = false,
        _ work: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        let run: @Sendable () async throws -> T = {
            try await db.transaction { tx in
                guard bulk else {
                    try await declare(on: tx)
                    return try await work(tx)
                }
                return try await SQLiteBulkWrite.around(on: tx) {
                    try await declare(on: tx)
                    return try await work(tx)
                }
            }
        }
        guard try db.dialect.hasSingleWriter, !db.inTransaction else { return try await run() }
        return try await sqliteWriters.inTurn(0) { try await run() }
    }

    static func declare(on db: any Database) async throws {
        guard try db.dialect.hasSingleWriter else { return }
        try await db.sql.raw("UPDATE organisations SET name = name WHERE 0 = 1").run()
    }
}
