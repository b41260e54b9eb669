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

    /// One open item of a statement as the baseline reads it: what the check compares.
    struct StatementLine: Hashable {
        let invoiceID: UUID
        let balanceMinor: Int64
    }

    /// One customer's whole statement in two statements, as the app's `StatementService` answers it
    /// for an already loaded customer (name and contacts are not part of it): the owed invoices by due
    /// date and number, each with the dispute / promise / plan (any) holds in force today joined on;
    /// and per currency the unapplied credit (unreversed payments and credit notes) and the charged,
    /// unwaived late fees. Stored balances; aging buckets are arithmetic on the returned due dates.
    static func statement(customerID: UUID, organisationID: UUID, today: LocalDate, on db: any Database)
        async throws -> [StatementLine]
    {
        let sql = try db.sql
        let rows = try await sql.raw(
            """
            SELECT i.id, i.number, i.issue_date, i.due_date, i.currency, i.total_minor, i.balance_minor,
                   h.reason, h.ends_on
            FROM invoices i LEFT JOIN dunning_holds h ON h.invoice_id = i.id AND h.released_at IS NULL
                AND h.starts_on <= \(bind: today.iso) AND (h.ends_on IS NULL OR h.ends_on >= \(bind: today.iso))
            WHERE i.customer_id = \(bind: customerID) AND i.status IN (\(SQLOwed.list))
            ORDER BY i.due_date, i.number, i.id
            """
        ).all()
        _ = try await sql.raw(
            """
            SELECT currency, SUM(credit), SUM(fee) FROM (
                SELECT currency, amount_minor - allocated_minor AS credit, 0 AS fee FROM payments
                WHERE customer_id = \(bind: customerID) AND reversed_on IS NULL AND amount_minor <> allocated_minor
                UNION ALL
                SELECT currency, amount_minor - allocated_minor, 0 FROM credit_notes
                WHERE customer_id = \(bind: customerID) AND amount_minor <> allocated_minor
                UNION ALL
                SELECT currency, 0, amount_minor FROM late_fees
                WHERE customer_id = \(bind: customerID) AND organisation_id = \(bind: organisationID)
                    AND status = 'charged'
            ) AS owed GROUP BY currency
            """
        ).all()
        var lines: [StatementLine] = []
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            guard lines.last?.invoiceID != id else { continue }
            lines.append(.init(invoiceID: id, balanceMinor: try row.decode(column: "balance_minor", as: Int64.self)))
        }
        return lines
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
