import CarteraCore
import Fluent
import Foundation
import SQLKit

/// Hand-written SQL for the questions the benchmark times, run through the same driver on the
/// same database: the floor the application's answer is compared with. Each returns its row
/// count so the optimiser cannot skip work.
enum SQLBaselines {
    /// Which (invoice, step) of the standard policy are due by `today` and not yet done, for
    /// contactable customers: one statement per step, no holds, calendars or templates.
    static func dunning(organisationID: UUID, today: LocalDate, on db: any Database) async throws -> Int {
        let sql = try db.sql
        var total = 0
        for step in CollectionPolicy.standard.steps {
            total += try await sql.raw(
                """
                SELECT i.id FROM invoices i JOIN customers c ON c.id = i.customer_id
                WHERE i.organisation_id = \(bind: organisationID) AND i.status IN (\(SQLOwed.list))
                  AND i.due_date <= \(bind: today.addingClamped(days: -step.offsetDays).iso) AND c.do_not_contact = \(bind: false)
                  AND NOT EXISTS (SELECT 1 FROM reminder_deliveries d WHERE d.invoice_id = i.id AND d.step_key = \(bind: step.key))
                """
            ).all().count
        }
        return total
    }

    /// Open balance per currency and bucket, buckets as literal due-date limits.
    static func aging(organisationID: UUID, today: LocalDate, on db: any Database) async throws -> Int {
        let sql = try db.sql
        let d = { (days: Int) in today.addingClamped(days: -days).iso }
        return try await sql.raw(
            """
            SELECT currency, CASE WHEN due_date >= \(bind: today.iso) THEN 'current' WHEN due_date >= \(bind: d(30)) THEN '1_30'
                   WHEN due_date >= \(bind: d(60)) THEN '31_60' WHEN due_date >= \(bind: d(90)) THEN '61_90' ELSE 'over_90' END AS bucket,
                   SUM(balance_minor), COUNT(*)
            FROM invoices WHERE organisation_id = \(bind: organisationID) AND status IN (\(SQLOwed.list))
            GROUP BY 1, 2
            """
        ).all().count
    }

    /// One customer's open items and unapplied payments.
    static func statement(customerID: UUID, on db: any Database) async throws -> Int {
        let sql = try db.sql
        let items = try await sql.raw(
            """
            SELECT id, number, issue_date, due_date, total_minor, balance_minor FROM invoices
            WHERE customer_id = \(bind: customerID) AND status IN (\(SQLOwed.list)) ORDER BY due_date, number
            """
        ).all().count
        let credit = try await sql.raw(
            """
            SELECT currency, SUM(amount_minor - allocated_minor) FROM payments
            WHERE customer_id = \(bind: customerID) AND reversed_on IS NULL GROUP BY currency
            """
        ).all().count
        return items + credit
    }

    /// Exact invoice-number lookups for the statement lines that name one: matching at its simplest.
    static func matching(organisationID: UUID, references: [String], on db: any Database) async throws -> Int {
        let sql = try db.sql
        var found = 0
        for chunk in stride(from: 0, to: references.count, by: 500) {
            let numbers = Array(references[chunk..<min(chunk + 500, references.count)])
            found += try await sql.raw(
                """
                SELECT id, customer_id, balance_minor FROM invoices
                WHERE organisation_id = \(bind: organisationID) AND number IN (\(binds: numbers)) AND status IN (\(SQLOwed.list))
                """
            ).all().count
        }
        return found
    }
}
