import Fluent

/// A customer's invoices from the customer index alone, for the account summaries' reads of a group
/// of customers: their ids (joined to holds and disputes: SQLite's index holds the rowid, not `id`,
/// so each of a group's ten thousand invoices was a table row read, four times per group, a third of
/// the day's pass at a million invoices) and what the owed and paid reads take (dates, currency,
/// balance): every invoice page was otherwise read once per group of customers.
struct UpdateInvoicesCustomerIndexCoverSummaries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await SQLIndex.drop("idx_invoices_customer", on: database)
        try await SQLIndex.create(
            "idx_invoices_customer", on: Invoice.schema,
            columns: [
                "customer_id", "status", "id", "organisation_id", "due_date", "issue_date", "currency", "balance_minor",
            ],
            on: database)
    }

    func revert(on database: any Database) async throws {
        try await SQLIndex.drop("idx_invoices_customer", on: database)
        try await SQLIndex.create(
            "idx_invoices_customer", on: Invoice.schema, columns: ["customer_id", "status"], on: database)
    }
}
