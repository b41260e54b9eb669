import Fluent
import Foundation
import SQLKit

/// Serialises concurrent settlements of the same invoices. PostgreSQL runs transactions concurrently,
/// so two payments could both read a balance of 100 and both apply 100; locking the invoice rows
/// first makes the second wait and then see the first's allocation. SQLite already allows one
/// writer at a time, so there is nothing to do there.
enum RowLocks {
    /// One customer's row, so that two events for the same customer (two payments) write their
    /// message one after the other instead of both finding no message and queueing two. `NO KEY
    /// UPDATE`, not `UPDATE`: the transaction has already inserted rows that refer to the customer
    /// (the payment), which hold a key-share lock on it, and a plain `FOR UPDATE` would wait for
    /// another payment's key-share lock while that one waits for our invoices: a deadlock.
    static func lockCustomer(_ customerID: UUID, on db: any Database) async throws {
        switch try db.dialect {
        case .sqlite: return
        case .postgresql:
            try await db.sql.raw("SELECT id FROM customers WHERE id = \(bind: customerID) FOR NO KEY UPDATE").run()
        }
    }

    static func lockOpenInvoices(customerID: UUID, on db: any Database) async throws {
        switch try db.dialect {
        case .sqlite: return
        case .postgresql:
            try await db.sql.raw(
                "SELECT id FROM invoices WHERE customer_id = \(bind: customerID) ORDER BY id FOR UPDATE"
            ).run()
        }
    }
}
