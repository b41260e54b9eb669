import Fluent

/// Two reads that wanted an allocation's day from its index rather than from the table:
/// - the reports find the invoices paid in a period from the allocations of the period (which
///   reminder step got them paid): without an index on the day that read every allocation ever made;
/// - the account summaries read each paid invoice's settlement day (its last allocation's): with the
///   day next to the invoice in its index, half a million paid invoices are read without a table row each.
struct UpdateAllocationsAddAppliedOnIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await SQLIndex.create(
            "idx_allocations_org_applied_on", on: Allocation.schema,
            columns: ["organisation_id", "applied_on", "invoice_id"], on: database)
        try await SQLIndex.drop("idx_allocations_invoice", on: database)
        try await SQLIndex.create(
            "idx_allocations_invoice", on: Allocation.schema, columns: ["invoice_id", "applied_on"], on: database)
    }

    func revert(on database: any Database) async throws {
        try await SQLIndex.drop("idx_allocations_org_applied_on", on: database)
        try await SQLIndex.drop("idx_allocations_invoice", on: database)
        try await SQLIndex.create(
            "idx_allocations_invoice", on: Allocation.schema, columns: ["invoice_id"], on: database)
    }
}
