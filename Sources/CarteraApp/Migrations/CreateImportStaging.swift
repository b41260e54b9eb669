import Fluent

/// The staging tables of `ImportStaging`: the columns an import writes, typed as in the real
/// tables so `INSERT … SELECT` copies them as they are, and no constraint but an index on the import.
struct CreateImportStaging: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await staged(ImportStaging.contacts, database)
            .field("id", .uuid, .required).field("customer_id", .uuid, .required).field("name", .string, .required)
            .field("role", .string, .required).field("email", .string).field("phone", .string)
            .field("created_at", .datetime).field("updated_at", .datetime)
            .create()
        try await staged(ImportStaging.invoices, database)
            .field("id", .uuid, .required).field("organisation_id", .uuid, .required).field(
                "customer_id", .uuid, .required
            )
            .field("number", .string, .required).field("issue_date", .string, .required).field(
                "due_date", .string, .required
            )
            .field("payment_terms", .string, .required).field("currency", .string, .required).field(
                "total_minor", .int64, .required
            )
            .field("settled_minor", .int64, .required).field("balance_minor", .int64, .required).field(
                "status", .string, .required
            )
            .field("external_reference", .string).field("notes", .string, .required).field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await staged(ImportStaging.payments, database)
            .field("id", .uuid, .required).field("organisation_id", .uuid, .required).field(
                "customer_id", .uuid, .required
            )
            .field("received_on", .string, .required).field("currency", .string, .required).field(
                "amount_minor", .int64, .required
            )
            .field("allocated_minor", .int64, .required).field("method", .string, .required).field("reference", .string)
            .field("notes", .string, .required).field("created_at", .datetime).field("updated_at", .datetime)
            .create()
        try await staged(ImportStaging.allocations, database)
            .field("id", .uuid, .required).field("organisation_id", .uuid, .required).field(
                "invoice_id", .uuid, .required
            )
            .field("kind", .string, .required).field("payment_id", .uuid).field("amount_minor", .int64, .required)
            .field("applied_on", .string, .required).field("created_at", .datetime)
            .create()
        for table in ImportStaging.tables {
            try await SQLIndex.create(
                "idx_\(table.staged)_import", on: table.staged, columns: ["import_id"], on: database)
        }
    }

    func revert(on database: any Database) async throws {
        for table in ImportStaging.tables.reversed() {
            try await database.schema(table.staged).delete()
        }
    }

    private func staged(_ table: String, _ database: any Database) -> SchemaBuilder {
        database.schema(table).field("import_id", .string, .required).field("staged_at", .datetime, .required)
    }
}
