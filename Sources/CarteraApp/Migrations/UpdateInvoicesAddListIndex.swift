import Fluent

/// The invoice list is ordered by due date and number: with this index a page is read in order
/// instead of sorting every invoice of the organisation (seconds with a million) on each request.
struct UpdateInvoicesAddListIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await SQLIndex.create(
            "idx_invoices_org_due_number", on: Invoice.schema, columns: ["organisation_id", "due_date", "number"],
            on: database)
    }

    func revert(on database: any Database) async throws {
        try await SQLIndex.drop("idx_invoices_org_due_number", on: database)
    }
}
