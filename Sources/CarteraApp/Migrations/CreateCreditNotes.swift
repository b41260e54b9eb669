import Fluent

struct CreateCreditNotes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CreditNote.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("customer_id", .uuid, .required, .references(Customer.schema, .id))
            .field("number", .string, .required)
            .field("issued_on", .string, .required)
            .field("currency", .string, .required)
            .field("amount_minor", .int64, .required)
            .field("allocated_minor", .int64, .required)
            .field("reason", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "organisation_id", "number", name: "uq_credit_notes_org_number")
            .create()
        try await SQLIndex.create(
            "idx_credit_notes_customer", on: CreditNote.schema, columns: ["customer_id"], on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CreditNote.schema).delete()
    }
}
