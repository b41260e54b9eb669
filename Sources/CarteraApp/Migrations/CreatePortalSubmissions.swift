import Fluent

/// One row per form posted through a portal link: what the rate limits count (in the database, so
/// they hold across instances) and which promises were made on the portal.
struct CreatePortalSubmissions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PortalSubmission.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("token_id", .uuid, .required, .references(PortalToken.schema, .id, onDelete: .cascade))
            .field("customer_id", .uuid, .required, .references(Customer.schema, .id))
            .field("form", .string, .required)
            .field("accepted", .bool, .required, .sql(.default(false)))
            .field("subject_id", .uuid)
            .field("created_at", .datetime, .required)
            .create()
        try await SQLIndex.create(
            "idx_portal_submissions_token_created", on: PortalSubmission.schema, columns: ["token_id", "created_at"],
            on: database)
        try await SQLIndex.create(
            "idx_portal_submissions_customer_form", on: PortalSubmission.schema, columns: ["customer_id", "form"],
            on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PortalSubmission.schema).delete()
    }
}
