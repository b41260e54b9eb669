import Fluent

struct CreateLateFees: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LateFee.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("customer_id", .uuid, .required, .references(Customer.schema, .id))
            .field("invoice_id", .uuid, .required, .references(Invoice.schema, .id))
            .field("kind", .string, .required)
            .field("period_key", .string, .required)
            .field("period_from", .string)
            .field("period_through", .string)
            .field("rate_basis_points", .int)
            .field("base_minor", .int64, .required)
            .field("amount_minor", .int64, .required)
            .field("currency", .string, .required)
            .field("charged_on", .string, .required)
            .field("status", .string, .required)
            .field("waiver_reason", .string)
            .field("waived_by", .string)
            .field("waived_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "invoice_id", "kind", "period_key", name: "uq_late_fees_period")
            .create()
        try await SQLIndex.create("idx_late_fees_customer", on: LateFee.schema, columns: ["customer_id"], on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LateFee.schema).delete()
    }
}
