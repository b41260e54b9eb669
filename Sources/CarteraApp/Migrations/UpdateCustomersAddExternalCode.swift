import Fluent
import SQLKit

/// The customer's id in the system a CSV import came from (QuickBooks, Xero, the ERP), so later
/// files of invoices, contacts or payments find their customer by it.
struct UpdateCustomersAddExternalCode: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Customer.schema).field("external_code", .string).update()
        try await SQLIndex.create(
            "idx_customers_org_external_code", on: Customer.schema, columns: ["organisation_id", "external_code"],
            on: database)
    }

    func revert(on database: any Database) async throws {
        try await SQLIndex.drop("idx_customers_org_external_code", on: database)
        try await database.schema(Customer.schema).deleteField("external_code").update()
    }
}
