import Fluent

struct CreateInteractions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Interaction.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("customer_id", .uuid, .required, .references(Customer.schema, .id))
            .field("contact_id", .uuid)
            .field("kind", .string, .required)
            .field("outcome", .string)
            .field("note", .string, .required)
            .field("follow_up_on", .string)
            .field("promise_id", .uuid)
            .field("dispute_id", .uuid)
            .field("author", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await SQLIndex.create(
            "idx_interactions_customer", on: Interaction.schema, columns: ["customer_id", "created_at"], on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Interaction.schema).delete()
    }
}
