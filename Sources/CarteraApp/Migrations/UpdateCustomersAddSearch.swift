import CarteraCore
import Fluent
import Foundation
import SQLKit

/// The search box: every customer's name in `SearchText.name` form (`search_name`, under the
/// dialect's trigram index) and its tax id in `SearchText.compact` form (`search_tax_id`, found by
/// prefix so the number without its check digit finds the full one); invoice numbers and payment
/// references under an index of their `codeKey` form. Existing customers are filled in here; from
/// now on `CustomerSearchFields` keeps the two columns in step on every save.
struct UpdateCustomersAddSearch: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per ALTER: SQLite adds one at a time.
        try await database.schema(Customer.schema).field("search_name", .string, .required, .sql(.default("")))
            .update()
        try await database.schema(Customer.schema).field("search_tax_id", .string, .required, .sql(.default("")))
            .update()
        let sql = try database.sql
        struct Row: Decodable {
            let id: UUID
            let legal_name: String
            let tax_id: String?
        }
        let rows = try await sql.raw("SELECT id, legal_name, tax_id FROM customers").all(decoding: Row.self)
        for row in rows {
            try await sql.raw(
                """
                UPDATE customers SET search_name = \(bind: SearchText.name(row.legal_name)),
                search_tax_id = \(bind: SearchText.compact(row.tax_id ?? "")) WHERE id = \(bind: row.id)
                """
            ).run()
        }
        try await SQLIndex.create(
            "idx_customers_org_search_tax_id", on: Customer.schema, columns: ["organisation_id", "search_tax_id"],
            on: database)
        try await sql.raw(
            "CREATE INDEX idx_invoices_org_number_key ON invoices (organisation_id, \(Dialect.codeKey("number")))"
        ).run()
        try await sql.raw(
            "CREATE INDEX idx_payments_org_reference_key ON payments (organisation_id, \(Dialect.codeKey("reference")))"
        ).run()
        try await database.dialect.createNameSearchIndex(on: database)
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sql
        try await database.dialect.dropNameSearchIndex(on: sql)
        for index in [
            "idx_payments_org_reference_key", "idx_invoices_org_number_key", "idx_customers_org_search_tax_id",
        ] {
            try await SQLIndex.drop(index, on: database)
        }
        try await database.schema(Customer.schema).deleteField("search_tax_id").update()
        try await database.schema(Customer.schema).deleteField("search_name").update()
    }
}
