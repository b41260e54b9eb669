import Fluent
import SQLKit

/// SQLite starts transactions deferred: two that both read and then write can deadlock, and one
/// fails at once with "database is locked" (the busy handler cannot help a deadlock). Writing
/// first takes the write lock up front, so concurrent transactions queue on the busy handler
/// instead. PostgreSQL needs nothing: its row locks do the job.
enum WriteIntent {
    static func declare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await sql.raw("UPDATE organisations SET name = name WHERE 0 = 1").run()
    }
}
