import Fluent

struct CreateInvoiceLines: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(InvoiceLine.schema)
            .id()
            .field("invoice_id", .uuid, .required, .references(Invoice.schema, .id, onDelete: .cascade))
            .field("position", .int, .required)
            .field("description", .string, .required)
            .field("quantity_milli", .int64, .required)
            .field("unit_price_minor", .int64, .required)
            .field("amount_minor", .int64, .required)
            .create()
        try await SQLIndex.create(
            "idx_invoice_lines_invoice", on: InvoiceLine.schema, columns: ["invoice_id"], on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(InvoiceLine.schema).delete()
    }
}
