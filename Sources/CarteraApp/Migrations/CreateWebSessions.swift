import Fluent

/// Sessions of our own instead of Fluent's `_fluent_sessions`: with the signed-in user and an
/// expiry, so they can be purged and ended for one person everywhere.
struct CreateWebSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(WebSessionRecord.schema)
            .id()
            .field("key_hash", .string, .required)
            .field("data", .string, .required)
            .field("user_id", .uuid)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "key_hash")
            .create()
        try await SQLIndex.create(
            "idx_web_sessions_user", on: WebSessionRecord.schema, columns: ["user_id"], on: database)
        try await SQLIndex.create(
            "idx_web_sessions_expires", on: WebSessionRecord.schema, columns: ["expires_at"], on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(WebSessionRecord.schema).delete()
    }
}
