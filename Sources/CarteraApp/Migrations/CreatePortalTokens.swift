import Fluent

struct CreatePortalTokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PortalToken.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("customer_id", .uuid, .required, .references(Customer.schema, .id))
            .field("secret_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .field("last_used_at", .datetime)
            .field("created_by", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "secret_hash", name: "uq_portal_tokens_secret_hash")
            .create()
        try await SQLIndex.create(
            "idx_portal_tokens_customer", on: PortalToken.schema, columns: ["customer_id"], on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PortalToken.schema).delete()
    }
}
