import Fluent

/// Fluent's session table is replaced by `web_sessions` (anonymous visitors had filled it with rows
/// nobody purged). Everyone signs in again once after this migration.
struct DeleteFluentSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("_fluent_sessions").delete()
    }

    func revert(on database: any Database) async throws {
        try await SessionRecord.migration.prepare(on: database).get()
    }
}
