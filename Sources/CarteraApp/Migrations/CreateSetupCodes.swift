import Fluent

struct CreateSetupCodes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SetupCode.schema)
            .id()
            .field("code_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SetupCode.schema).delete()
    }
}
