import Fluent

/// When a key was last used (noted at most hourly), for the API keys page.
struct UpdateAPIKeysAddLastUsed: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(APIKey.schema).field("last_used_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(APIKey.schema).deleteField("last_used_at").update()
    }
}
