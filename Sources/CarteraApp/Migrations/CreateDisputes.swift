import Fluent

struct CreateDisputes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Dispute.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("invoice_id", .uuid, .required, .references(Invoice.schema, .id))
            .field("status", .string, .required)
            .field("reason", .string, .required)
            .field("amount_minor", .int64)
            .field("opened_on", .string, .required)
            .field("resolved_on", .string)
            .field("resolution", .string)
            .field("created_at", .datetime)
            .create()
        try await SQLIndex.create(
            "idx_disputes_invoice_status", on: Dispute.schema, columns: ["invoice_id", "status"], on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Dispute.schema).delete()
    }
}
