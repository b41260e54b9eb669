import Fluent

struct CreateIdempotencyKeys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(IdempotencyRecord.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("key", .string, .required)
            .field("request_hash", .string, .required)
            .field("status_code", .int, .required)
            .field("response_body", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "organisation_id", "key", name: "uq_idempotency_keys_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(IdempotencyRecord.schema).delete()
    }
}
