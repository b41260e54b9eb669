import Fluent
import Foundation
import SQLKit

/// Where an import's rows wait until the whole file is known to be good: one staging table per
/// table an import writes (contacts, invoices, payments, allocations), with the same columns, no
/// keys or indexes but the import's id, and the moment they were staged.
///
/// Why: an import used to read, check and write the whole file inside one transaction, so on SQLite
/// it held the only write lock for as long as the file took (a minute for a million rows) and every
/// other writer — reminders, payments, sign-ins — waited. Now the rows go to staging in bounded
/// batches, each its own short transaction (the lock is released between them), while the file is
/// read and checked; nobody reads the staging tables, so nothing of a half-read file is visible.
/// Only when every row is good does `publish` copy them into the real tables with one
/// `INSERT … SELECT` per table, in one transaction with the new customers, the settlement of
/// touched invoices, the audit event and the upload's "done": people see all of the import or
/// none of it. That transaction does no parsing and no checking, so it holds the lock for the copy
/// only (the README's baseline: 2–2.5× faster than the whole import). A failed or interrupted import
/// leaves staged rows that nobody sees; `discard` removes them at once and the daily pass removes
/// what a crash left (`purge`).
///
/// The alternatives were worse for the same simplicity: writing the real tables in batches with a
/// compensating delete shows half an import to everyone while it runs (and leaves it there if the
/// server dies), and tagging real rows as "not yet visible" would need every query of the app to
/// filter them out.
enum ImportStaging {
    static let contacts = "import_staged_contacts"
    static let invoices = "import_staged_invoices"
    static let payments = "import_staged_payments"
    static let allocations = "import_staged_allocations"

    /// The staging table of each real table, in foreign-key order.
    static let tables: [(staged: String, real: String, columns: [String])] = [
        (contacts, Contact.schema, contactColumns),
        (invoices, Invoice.schema, ImportInvoiceRows.invoiceColumns),
        (payments, Payment.schema, ImportInvoiceRows.paymentColumns),
        (allocations, Allocation.schema, ImportInvoiceRows.allocationColumns),
    ]

    static let contactColumns = ["id", "customer_id", "name", "role", "email", "phone", "created_at", "updated_at"]

    /// Columns every staging table has before the real table's.
    static let stagingColumns = ["import_id", "staged_at"]

    /// A batch for the staging table of `real`.
    static func batch(_ staged: String, _ columns: [String]) -> SQLBatch {
        SQLBatch(staged, stagingColumns + columns)
    }

    /// Copies one import's staged rows into the real tables (inside the caller's transaction).
    static func publish(_ importID: String, on sql: any SQLDatabase) async throws {
        for table in tables {
            let columns = SQLList(table.columns.map { SQLIdentifier($0) })
            try await sql.raw(
                """
                INSERT INTO \(ident: table.real) (\(columns)) SELECT \(columns) FROM \(ident: table.staged) WHERE import_id = \(bind: importID)
                """
            ).run()
        }
        try await discard(importID, on: sql)
    }

    static func discard(_ importID: String, on sql: any SQLDatabase) async throws {
        for table in tables {
            try await sql.raw("DELETE FROM \(ident: table.staged) WHERE import_id = \(bind: importID)").run()
        }
    }

    /// Rows staged before `cutoff`: an import that died with its server (no import runs that long).
    static func purge(before cutoff: Date, on sql: any SQLDatabase) async throws {
        for table in tables {
            try await sql.raw("DELETE FROM \(ident: table.staged) WHERE staged_at < \(bind: cutoff)").run()
        }
    }
}
