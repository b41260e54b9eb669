import Fluent

/// Aging, the dashboard and dunning read every open invoice's due date, currency and balance. With
/// those columns in the index, the reads never leave it (an index-only scan) instead of looking each
/// invoice up in the table. It serves every query the (organisation, status, due date) index did,
/// which it replaces.
struct UpdateInvoicesAddAgingIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await SQLIndex.create(
            "idx_invoices_org_status_due_balance", on: Invoice.schema,
            columns: ["organisation_id", "status", "due_date", "currency", "balance_minor"], on: database)
        try await SQLIndex.drop("idx_invoices_org_status_due", on: database)
    }

    func revert(on database: any Database) async throws {
        try await SQLIndex.create(
            "idx_invoices_org_status_due", on: Invoice.schema, columns: ["organisation_id", "status", "due_date"],
            on: database)
        try await SQLIndex.drop("idx_invoices_org_status_due_balance", on: database)
    }
}
