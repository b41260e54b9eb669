import CarteraCore
import Fluent
import Foundation
import SQLKit

/// Receivables as they stood on a past day, rebuilt from the ledger rather than read from the
/// stored balances: an invoice counts from its issue date (drafts and voided invoices never), less
/// the allocations applied on or before that day. Plain SQL that runs on SQLite and PostgreSQL.
enum LedgerHistory {
    /// Receivables of one currency on a day: everything open, and the part not yet due ("current").
    struct Receivables: Equatable {
        let total: Money
        let current: Money
    }

    /// `SELECT` of every invoice's open amount on `day` (id, customer_id, currency, due_date, open_minor).
    /// Used as a subquery by the aging reports, so "open on a day" has one definition.
    static func openPositions(organisationID: UUID, on day: LocalDate) -> SQLQueryString {
        """
        SELECT i.id, i.customer_id, i.currency, i.due_date, i.total_minor - COALESCE(s.settled, 0) AS open_minor
        FROM invoices i
        LEFT JOIN (SELECT invoice_id, SUM(amount_minor) AS settled FROM allocations
                   WHERE organisation_id = \(bind: organisationID) AND applied_on <= \(bind: day.iso) GROUP BY invoice_id) s
               ON s.invoice_id = i.id
        WHERE i.organisation_id = \(bind: organisationID) AND i.status NOT IN ('draft', 'void') AND i.issue_date <= \(bind: day.iso)
        """
    }

    /// Per currency code: the receivables at the end of `day`. "Current" is what is not yet due
    /// (due on or after `day`), the same rule as the aging's current bucket.
    static func receivables(organisationID: UUID, on day: LocalDate, db: any Database) async throws -> [String:
        Receivables]
    {
        try await receivables(organisationID: organisationID, on: [day], db: db)[day] ?? [:]
    }

    /// The receivables at the end of each of `days`, per currency code, in one pass over the ledger's
    /// changes (`openChanges`): a currency is listed on a day once it has an invoice issued by then.
    static func receivables(organisationID: UUID, on days: [LocalDate], db: any Database) async throws
        -> [LocalDate: [String: Receivables]]
    {
        guard let last = days.max() else { return [:] }
        let dialect = try db.dialect
        var columns: SQLQueryString = ""
        for (index, day) in days.enumerated() {
            columns +=
                ", \(dialect.moneySum("CASE WHEN c.since <= \(bind: day.iso) THEN c.amount ELSE 0 END")) AS \(unsafeRaw: "total_\(index)")"
            columns +=
                ", \(dialect.moneySum("CASE WHEN c.since <= \(bind: day.iso) AND c.due_date >= \(bind: day.iso) THEN c.amount ELSE 0 END")) AS \(unsafeRaw: "current_\(index)")"
            columns +=
                ", CAST(MAX(CASE WHEN c.since <= \(bind: day.iso) THEN 1 ELSE 0 END) AS BIGINT) AS \(unsafeRaw: "seen_\(index)")"
        }
        let rows = try await db.sql.raw(
            """
            SELECT c.currency\(columns)
            FROM (\(openChanges(organisationID: organisationID, through: last, dialect: dialect))) c
            GROUP BY c.currency
            """
        ).all()
        var result: [LocalDate: [String: Receivables]] = [:]
        for row in rows {
            let code = try row.decode(column: "currency", as: String.self)
            let currency = try Currency(code: code)
            for (index, day) in days.enumerated() {
                guard try row.decode(column: "seen_\(index)", as: Int64.self) == 1 else { continue }
                result[day, default: [:]][code] = Receivables(
                    total: Money(
                        minorUnits: try row.decode(column: "total_\(index)", as: Int64.self), currency: currency),
                    current: Money(
                        minorUnits: try row.decode(column: "current_\(index)", as: Int64.self), currency: currency))
            }
        }
        return result
    }

    /// Credit sales: totals of the invoices issued from `from` through `to`, per currency code (from
    /// `ledger_changes`, which holds each invoice's total on its issue date).
    static func creditSales(organisationID: UUID, from: LocalDate, to: LocalDate, db: any Database) async throws
        -> [String: Int64]
    {
        struct Row: Decodable {
            let currency: String
            let total: Int64
        }
        let database = try db.sql
        let dialect = try db.dialect
        let rows = try await database.raw(
            """
            SELECT currency, \(dialect.moneySum("sales_minor")) AS total FROM ledger_changes
            WHERE organisation_id = \(bind: organisationID) AND since >= \(bind: from.iso) AND since <= \(bind: to.iso)
            GROUP BY currency
            """
        ).all(decoding: Row.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.currency, $0.total) })
    }

    /// Credit sales per calendar month ("YYYY-MM") and currency code, for invoices issued from `from` through `to`.
    static func monthlyCreditSales(organisationID: UUID, from: LocalDate, to: LocalDate, db: any Database) async throws
        -> [String: [String: Int64]]
    {
        struct Row: Decodable {
            let currency: String
            let month: String
            let total: Int64
        }
        let database = try db.sql
        let dialect = try db.dialect
        let rows = try await database.raw(
            """
            SELECT currency, SUBSTR(since, 1, 7) AS month, \(dialect.moneySum("sales_minor")) AS total FROM ledger_changes
            WHERE organisation_id = \(bind: organisationID) AND since >= \(bind: from.iso) AND since <= \(bind: to.iso)
            GROUP BY currency, SUBSTR(since, 1, 7)
            """
        ).all(decoding: Row.self)
        var result: [String: [String: Int64]] = [:]
        for row in rows { result[row.currency, default: [:]][row.month] = row.total }
        return result
    }
}
