import Fluent

struct CreateInvoices: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Invoice.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("customer_id", .uuid, .required, .references(Customer.schema, .id))
            .field("number", .string, .required)
            .field("issue_date", .string, .required)
            .field("due_date", .string, .required)
            .field("payment_terms", .string, .required)
            .field("currency", .string, .required)
            .field("total_minor", .int64, .required)
            .field("settled_minor", .int64, .required)
            .field("balance_minor", .int64, .required)
            .field("status", .string, .required)
            .field("external_reference", .string)
            .field("notes", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "organisation_id", "number", name: "uq_invoices_org_number")
            .create()
        // Aging and dunning scan open invoices by due date; statements scan one customer's.
        try await SQLIndex.create(
            "idx_invoices_org_status_due", on: Invoice.schema, columns: ["organisation_id", "status", "due_date"],
            on: database)
        try await SQLIndex.create(
            "idx_invoices_customer", on: Invoice.schema, columns: ["customer_id", "status"], on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Invoice.schema).delete()
    }
}
