import Fluent

struct CreateAllocations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Allocation.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("invoice_id", .uuid, .required, .references(Invoice.schema, .id))
            .field("kind", .string, .required)
            .field("payment_id", .uuid, .references(Payment.schema, .id))
            .field("credit_note_id", .uuid, .references(CreditNote.schema, .id))
            .field("amount_minor", .int64, .required)
            .field("applied_on", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await SQLIndex.create(
            "idx_allocations_invoice", on: Allocation.schema, columns: ["invoice_id"], on: database)
        try await SQLIndex.create(
            "idx_allocations_payment", on: Allocation.schema, columns: ["payment_id"], on: database)
        try await SQLIndex.create(
            "idx_allocations_credit_note", on: Allocation.schema, columns: ["credit_note_id"], on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Allocation.schema).delete()
    }
}
