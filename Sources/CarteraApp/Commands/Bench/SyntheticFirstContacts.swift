import CarteraCore
import Fluent
import Foundation
import SQLKit

/// The first-contact rule's cases in the benchmark ledger, so the dunning baseline's version of it is
/// checked: a tenth of the customers (names ending in 5) never heard from us, so their overdue
/// invoices get a first notice; another tenth (ending in 0) had a first notice in place of the
/// policy's first overdue step, so their later steps are planned from its day.
enum SyntheticFirstContacts {
    static func generate(organisationID: UUID, policy: CollectionPolicy, on db: any Database) async throws {
        let sql = try db.sql
        func invoices(_ suffix: String) -> SQLQueryString {
            """
            SELECT i.id FROM invoices i JOIN customers c ON c.id = i.customer_id
            WHERE i.organisation_id = \(bind: organisationID) AND c.legal_name LIKE \(bind: "Cliente %\(suffix) S.A.S.")
            """
        }
        try await sql.raw("DELETE FROM reminder_deliveries WHERE invoice_id IN (\(invoices("5")))").run()
        guard let standIn = policy.firstOverdueStep, let notice = policy.firstNotice else { return }
        try await sql.raw(
            """
            UPDATE reminder_deliveries SET step_key = \(bind: notice.key)
            WHERE step_key = \(bind: standIn.key) AND invoice_id IN (\(invoices("0")))
            """
        ).run()
    }
}
