import Fluent

struct CreateImportRuns: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ImportRun.schema)
            .field("organisation_id", .uuid, .identifier(auto: false), .references(Organisation.schema, .id))
            .field("holder", .string, .required)
            .field("started_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ImportRun.schema).delete()
    }
}
