import CarteraCore
import Fluent
import Foundation
import SQLKit

/// Baselines for the organisation-wide pages: each one statement answering the page's question.
extension SQLBaselines {
    struct Amount: Decodable {
        let key: String
        let currency: String
        let amount: Int64
        /// The customer, in the per-customer answers.
        let customerID: UUID?
        enum CodingKeys: String, CodingKey { case key, currency, amount, customerID = "customer_id" }
        init(from decoder: any Decoder) throws {
            let row = try decoder.container(keyedBy: CodingKeys.self)
            key = try row.decode(String.self, forKey: .key)
            currency = try row.decode(String.self, forKey: .currency)
            amount = try row.decode(Int64.self, forKey: .amount)
            customerID = try? row.decode(UUID.self, forKey: .customerID)
        }
    }

    /// The forecast: owed balance per currency and expected-payment week (0 = this week, with
    /// anything expected before today; 13 and later are beyond the horizon).
    ///
    /// Leaves out: the payment-date model (the customer's median delay shrunk toward the
    /// organisation's): each invoice is expected on its due date, and payment plans are not replaced by
    /// their instalments. The bench compares the totals per currency, which the model only moves
    /// between weeks.
    static func forecast(organisationID: UUID, today: LocalDate, on db: any Database) async throws -> [Amount] {
        let monday = today.addingClamped(days: 1 - today.weekday).iso
        let week: SQLQueryString =
            switch try db.dialect {
            case .sqlite:
                "CAST((julianday(max(due_date, \(bind: today.iso))) - julianday(\(bind: monday))) / 7 AS INTEGER)"
            case .postgresql:
                "(GREATEST(CAST(due_date AS date), CAST(\(bind: today.iso) AS date)) - CAST(\(bind: monday) AS date)) / 7"
            }
        return try await db.sql.raw(
            """
            SELECT CAST(week AS TEXT) AS key, currency, CAST(SUM(balance_minor) AS BIGINT) AS amount FROM (
              SELECT \(week) AS week, currency, balance_minor FROM invoices
              WHERE organisation_id = \(bind: organisationID) AND status IN (\(SQLOwed.list))
            ) w GROUP BY week, currency ORDER BY week, currency
            """
        ).all(decoding: Amount.self)
    }

    /// Aging by customer, first page: the first `limit` (customer, currency) rows with something owed,
    /// ordered as the report's page orders them (currency, overdue balance largest first, owed balance,
    /// name, id), each with its owed balance per bucket (`AgingQuery`'s bucket limits). Reads the
    /// invoices' stored balances where the app rebuilds open positions from the ledger as of the day:
    /// the same figures for today.
    static func agingByCustomer(organisationID: UUID, today: LocalDate, limit: Int, on db: any Database) async throws
        -> [Amount]
    {
        let collation: SQLQueryString =
            switch try db.dialect {
            case .sqlite: ""
            case .postgresql: " COLLATE \"C\""
            }
        let bucket = AgingQuery.bucketExpression(asOf: today)
        return try await db.sql.raw(
            """
            WITH owed AS (
              SELECT customer_id, currency, \(unsafeRaw: bucket) AS bucket, balance_minor FROM invoices
              WHERE organisation_id = \(bind: organisationID) AND status IN (\(SQLOwed.list)) AND balance_minor > 0
            ), page AS (
              SELECT o.customer_id, o.currency, c.legal_name,
                     SUM(CASE WHEN o.bucket <> 'current' THEN o.balance_minor ELSE 0 END) AS overdue, SUM(o.balance_minor) AS total
              FROM owed o JOIN customers c ON c.id = o.customer_id
              GROUP BY o.customer_id, o.currency, c.legal_name
              ORDER BY o.currency, overdue DESC, total DESC, c.legal_name\(collation), o.customer_id LIMIT \(literal: limit)
            )
            SELECT p.customer_id, o.bucket AS key, o.currency, CAST(SUM(o.balance_minor) AS BIGINT) AS amount
            FROM page p JOIN owed o ON o.customer_id = p.customer_id AND o.currency = p.currency
            GROUP BY p.customer_id, o.currency, o.bucket
            """
        ).all(decoding: Amount.self)
    }

    /// The customer list sorted by owed balance (in the customer's currency), highest first, ties by
    /// id: the first page's ids, as `CustomerListing` sorts them.
    static func customerList(organisationID: UUID, limit: Int, on db: any Database) async throws -> [UUID] {
        struct Row: Decodable { let id: UUID }
        return try await db.sql.raw(
            """
            SELECT c.id FROM customers c LEFT JOIN (
              SELECT customer_id, currency, SUM(balance_minor) AS owed FROM invoices
              WHERE organisation_id = \(bind: organisationID) AND status IN (\(SQLOwed.list)) GROUP BY customer_id, currency
            ) o ON o.customer_id = c.id AND o.currency = c.currency
            WHERE c.organisation_id = \(bind: organisationID)
            ORDER BY COALESCE(o.owed, 0) DESC, c.id LIMIT \(literal: limit)
            """
        ).all(decoding: Row.self).map(\.id)
    }

    /// The dashboard's headline figures per currency in one statement: owed balance, owed invoices,
    /// collected this month (reversed payments left out) and credit sales of the last 90 days, which
    /// DSO divides the owed balance by (`key` names the figure).
    static func dashboard(organisationID: UUID, today: LocalDate, on db: any Database) async throws -> [Amount] {
        try await db.sql.raw(
            """
            SELECT figure AS key, currency, CAST(SUM(amount) AS BIGINT) AS amount FROM (
              SELECT 'owed' AS figure, currency, balance_minor AS amount FROM invoices
              WHERE organisation_id = \(bind: organisationID) AND status IN (\(SQLOwed.list))
              UNION ALL
              SELECT 'invoices', currency, 1 FROM invoices WHERE organisation_id = \(bind: organisationID) AND status IN (\(SQLOwed.list))
              UNION ALL
              SELECT 'collected', currency, amount_minor FROM payments
              WHERE organisation_id = \(bind: organisationID) AND reversed_on IS NULL
                AND received_on >= \(bind: today.startOfMonth.iso) AND received_on <= \(bind: today.iso)
              UNION ALL
              SELECT 'sold', currency, total_minor FROM invoices
              WHERE organisation_id = \(bind: organisationID) AND status NOT IN ('draft', 'void')
                AND issue_date > \(bind: today.addingClamped(days: -DashboardQuery.dsoWindowDays).iso) AND issue_date <= \(bind: today.iso)
            ) f GROUP BY figure, currency
            """
        ).all(decoding: Amount.self)
    }
}
