import CarteraCore
import Fluent
import Foundation
import SQLKit

extension SQLBaselines {
    struct WorklistRow: Decodable {
        let customerID: UUID
        let moneyDays: Int64
        let brokenPromises: Int64
        let needsAction: Int64
        enum CodingKeys: String, CodingKey {
            case customerID = "customer_id", moneyDays = "money_days", brokenPromises = "broken", needsAction = "action"
        }
    }

    /// The worklist's first page in one statement: per customer, Σ overdue balance (major units) × days
    /// overdue (capped at `WorklistScore.maximumDaysCounted`) of owed invoices not held today, times
    /// (1 + broken promises of the last 30 days); accounts with something to do today (a call or letter
    /// due, a broken promise, a new dispute, a promise due today) first, as `WorklistEntry` orders them.
    ///
    /// Leaves out: the risk weight (low 1, medium 2, high 3), which needs each customer's full
    /// `RiskProfile` (90th percentile of days late and more); so the ranking is by money-days alone and
    /// the bench checks the figures (`score = money-days × weight × (1 + broken)`), not the order. Only
    /// invoices in the organisation's currency are scored (no conversion); the bench ledger has no other.
    /// `limit` nil: every customer (for the equality check).
    static func worklist(
        organisationID: UUID, today: LocalDate, currency: Currency, limit: Int?, on db: any Database
    ) async throws -> [WorklistRow] {
        let days: SQLQueryString =
            switch try db.dialect {
            case .sqlite: "CAST(julianday(\(bind: today.iso)) - julianday(i.due_date) AS INTEGER)"
            case .postgresql: "(CAST(\(bind: today.iso) AS date) - CAST(i.due_date AS date))"
            }
        let cap = WorklistScore.maximumDaysCounted
        let recent = today.addingClamped(days: -WorklistQuery.recentBrokenPromiseDays).iso
        let newDisputes = today.addingClamped(days: -WorklistQuery.newDisputeDays).iso
        var statement: SQLQueryString = """
            WITH overdue AS (
              SELECT i.customer_id, i.balance_minor / \(literal: Int(currency.minorUnitsPerMajor)) AS major, \(days) AS days
              FROM invoices i
              WHERE i.organisation_id = \(bind: organisationID) AND i.status IN (\(SQLOwed.list))
                AND i.due_date < \(bind: today.iso) AND i.currency = \(bind: currency.code)
                AND NOT EXISTS (
                  SELECT 1 FROM dunning_holds h WHERE h.invoice_id = i.id AND h.released_at IS NULL
                    AND h.starts_on <= \(bind: today.iso) AND (h.ends_on IS NULL OR h.ends_on >= \(bind: today.iso)))
            ),
            scored AS (
              SELECT customer_id, CAST(SUM(major * CASE WHEN days > \(literal: cap) THEN \(literal: cap) ELSE days END) AS BIGINT) AS money_days
              FROM overdue GROUP BY customer_id
            ),
            broken AS (
              SELECT customer_id, CAST(COUNT(*) AS BIGINT) AS n FROM payment_promises
              WHERE organisation_id = \(bind: organisationID) AND status = 'broken' AND promised_on >= \(bind: recent)
              GROUP BY customer_id
            ),
            ranked AS (
              SELECT s.customer_id, s.money_days, COALESCE(b.n, 0) AS broken,
                     CASE WHEN b.n IS NOT NULL
                       OR EXISTS (SELECT 1 FROM collection_tasks t WHERE t.customer_id = s.customer_id AND t.status = 'open' AND t.due_on <= \(bind: today.iso))
                       OR EXISTS (SELECT 1 FROM payment_promises p WHERE p.customer_id = s.customer_id AND p.status = 'active' AND p.promised_on = \(bind: today.iso))
                       OR EXISTS (SELECT 1 FROM disputes d JOIN invoices di ON di.id = d.invoice_id
                                  WHERE di.customer_id = s.customer_id AND d.status = 'open' AND d.opened_on >= \(bind: newDisputes))
                     THEN 1 ELSE 0 END AS action
              FROM scored s LEFT JOIN broken b ON b.customer_id = s.customer_id
            )
            SELECT customer_id, money_days, broken, action FROM ranked
            ORDER BY action DESC, money_days * (1 + broken) DESC, customer_id
            """
        if let limit { statement += " LIMIT \(literal: limit)" }
        return try await db.sql.raw(statement).all(decoding: WorklistRow.self)
    }
}
