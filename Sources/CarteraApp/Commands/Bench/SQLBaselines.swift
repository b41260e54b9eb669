import CarteraCore
import Fluent
import Foundation
import SQLKit

/// Hand-written SQL for the questions the benchmark times, run through the same driver on the
/// same database: the floor the application's answer is compared with, one set-based statement per
/// question (per customer for statements). Each says which rule of the app it reproduces and what
/// it leaves out; `BenchCommand+Checks` compares their answers with the app's.
enum SQLBaselines {
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

    /// Bank matching's candidates in one statement: the owed invoices a line can name, found through
    /// indexes — by number (`uq_invoices_org_number`) for the lines that quote one, by exact open
    /// amount for the rest — not every owed invoice. Leaves out the scoring of names and partial
    /// amounts that picks among the candidates.
    static func matching(organisationID: UUID, references: [String], amounts: [Int64], on db: any Database)
        async throws -> Int
    {
        let sql = try db.sql
        return try await sql.raw(
            """
            SELECT id, customer_id, balance_minor FROM invoices
            WHERE organisation_id = \(bind: organisationID) AND number IN (\(binds: references)) AND status IN (\(SQLOwed.list))
            UNION ALL
            SELECT id, customer_id, balance_minor FROM invoices
            WHERE organisation_id = \(bind: organisationID) AND balance_minor IN (\(binds: amounts)) AND status IN (\(SQLOwed.list))
            """
        ).all().count
    }
}
