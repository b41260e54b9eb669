import CarteraCore
import Fluent
import Foundation
import SQLKit

extension SQLBaselines {
    /// The day's pass over the account summaries, "recompute and store every customer's summary", as
    /// set-based `INSERT … SELECT`s into scratch tables of the summaries' shape (with their keys), in
    /// one transaction:
    /// - per customer and currency: owed invoices and balance, overdue, overdue not paused and its
    ///   count, paused (under a hold in force: started, not ended, not released), the five aging buckets, oldest due date;
    /// - per customer: paid count, paid late, average and 90th-percentile (nearest rank) days late over
    ///   the paid history (an invoice paid on its last allocation's day), broken promises, open disputes
    ///   and the most days overdue of what is not paused (from the first statement's oldest such due date).
    ///
    /// Leaves out what needs the domain's rules: the risk level and the score's weight, tasks and
    /// promises due today, the forecast's payment-date model and the payment plans' instalments.
    /// Returns the customers summarised, and for `reading` (the check's customers) what it stored per
    /// customer and currency: owed and overdue. Temporary tables live on one connection, so they are
    /// read in the transaction that wrote them.
    static func summaries(organisationID: UUID, today: LocalDate, reading customerIDs: [UUID] = [], on db: any Database)
        async throws -> (customers: Int, balances: [String: [Int64]])
    {
        try await WriteIntent.transaction(on: db) { tx in
            let sql = try tx.sql
            let dialect = try tx.dialect
            let day = today.iso
            // Ids declared UUID as the app's tables declare them: on SQLite a TEXT column compared with
            // a UUID (numeric affinity) one converts every value and uses no index.
            let temporary =
                switch dialect {
                case .sqlite: "TEMP"
                case .postgresql: "TEMPORARY"
                }
            try await sql.raw(
                """
                CREATE \(unsafeRaw: temporary) TABLE IF NOT EXISTS bench_summary_balances (
                  customer_id UUID NOT NULL, currency TEXT NOT NULL, invoices BIGINT, owed_minor BIGINT,
                  overdue_minor BIGINT, unpaused_overdue_minor BIGINT, unpaused_overdue_invoices BIGINT,
                  paused_minor BIGINT, current_minor BIGINT, days_1_30_minor BIGINT, days_31_60_minor BIGINT,
                  days_61_90_minor BIGINT, over_90_minor BIGINT, oldest_due_date TEXT, oldest_unpaused_overdue TEXT,
                  PRIMARY KEY (customer_id, currency))
                """
            ).run()
            try await sql.raw(
                """
                CREATE \(unsafeRaw: temporary) TABLE IF NOT EXISTS bench_summaries (
                  customer_id UUID PRIMARY KEY, paid_count BIGINT, paid_late_count BIGINT, average_days_late BIGINT,
                  p90_days_late BIGINT, broken_promises BIGINT, open_disputes BIGINT, maximum_days_overdue BIGINT)
                """
            ).run()
            try await sql.raw("DELETE FROM bench_summary_balances").run()
            try await sql.raw("DELETE FROM bench_summaries").run()
            func bucket(_ bucket: AgingBucket) -> SQLQueryString {
                dialect.moneySum("CASE WHEN bucket = '\(unsafeRaw: bucket.rawValue)' THEN balance_minor ELSE 0 END")
            }
            var buckets: SQLQueryString = ""
            for (index, each) in AgingBucket.allCases.enumerated() {
                buckets += (index == 0 ? "" : ", ") + bucket(each)
            }
            let held: SQLQueryString = """
                SELECT DISTINCT invoice_id FROM dunning_holds WHERE organisation_id = \(bind: organisationID)
                  AND released_at IS NULL AND starts_on <= \(bind: day) AND (ends_on IS NULL OR ends_on >= \(bind: day))
                """
            try await sql.raw(
                """
                INSERT INTO bench_summary_balances
                SELECT customer_id, currency, COUNT(*), \(dialect.moneySum("balance_minor")),
                       \(dialect.moneySum("CASE WHEN overdue = 1 THEN balance_minor ELSE 0 END")),
                       \(dialect.moneySum("CASE WHEN overdue = 1 AND held = 0 THEN balance_minor ELSE 0 END")),
                       SUM(CASE WHEN overdue = 1 AND held = 0 THEN 1 ELSE 0 END),
                       \(dialect.moneySum("CASE WHEN held = 1 THEN balance_minor ELSE 0 END")),
                       \(buckets), MIN(due_date), MIN(CASE WHEN overdue = 1 AND held = 0 THEN due_date END)
                FROM (
                  SELECT i.customer_id, i.currency, i.balance_minor, i.due_date,
                         \(unsafeRaw: AgingQuery.bucketExpression(asOf: today)) AS bucket,
                         CASE WHEN i.due_date < \(bind: day) THEN 1 ELSE 0 END AS overdue,
                         CASE WHEN h.invoice_id IS NULL THEN 0 ELSE 1 END AS held
                  FROM invoices i LEFT JOIN (\(held)) h ON h.invoice_id = i.id
                  WHERE i.organisation_id = \(bind: organisationID) AND i.status IN (\(SQLOwed.list))
                ) owed
                GROUP BY customer_id, currency
                """
            ).run()
            try await sql.raw(
                """
                INSERT INTO bench_summaries
                WITH paid AS (
                  SELECT i.customer_id, \(dialect.daysBetween("i.due_date", "MAX(a.applied_on)")) AS late
                  FROM invoices i JOIN allocations a ON a.invoice_id = i.id
                  WHERE i.organisation_id = \(bind: organisationID) AND i.status = 'paid'
                  GROUP BY i.id, i.customer_id, i.due_date
                ), ranked AS (
                  SELECT customer_id, late, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY late) AS position,
                         COUNT(*) OVER (PARTITION BY customer_id) AS paid_count
                  FROM paid
                ), history AS (
                  SELECT customer_id, COUNT(*) AS paid_count, SUM(CASE WHEN late > 0 THEN 1 ELSE 0 END) AS paid_late,
                         SUM(late) / COUNT(*) AS average_late,
                         MAX(CASE WHEN position = (9 * paid_count + 9) / 10 THEN late END) AS p90_late
                  FROM ranked GROUP BY customer_id
                ), promises AS (
                  SELECT customer_id, COUNT(*) AS broken FROM payment_promises
                  WHERE organisation_id = \(bind: organisationID) AND status = 'broken' GROUP BY customer_id
                ), disputed AS (
                  SELECT i.customer_id, COUNT(*) AS open_disputes FROM disputes d JOIN invoices i ON i.id = d.invoice_id
                  WHERE d.organisation_id = \(bind: organisationID) AND d.status = 'open' GROUP BY i.customer_id
                ), overdue AS (
                  SELECT customer_id, MAX(\(dialect.daysBetween("oldest_unpaused_overdue", "\(bind: day)"))) AS days
                  FROM bench_summary_balances GROUP BY customer_id
                )
                SELECT c.id,
                       COALESCE(h.paid_count, 0), COALESCE(h.paid_late, 0), COALESCE(h.average_late, 0),
                       COALESCE(h.p90_late, 0), COALESCE(p.broken, 0), COALESCE(d.open_disputes, 0), COALESCE(o.days, 0)
                FROM customers c
                LEFT JOIN history h ON h.customer_id = c.id LEFT JOIN promises p ON p.customer_id = c.id
                LEFT JOIN disputed d ON d.customer_id = c.id LEFT JOIN overdue o ON o.customer_id = c.id
                WHERE c.organisation_id = \(bind: organisationID)
                  AND (h.customer_id IS NOT NULL OR p.customer_id IS NOT NULL OR d.customer_id IS NOT NULL
                       OR EXISTS (SELECT 1 FROM invoices i WHERE i.customer_id = c.id AND i.status IN (\(SQLOwed.list))))
                """
            ).run()
            struct Count: Decodable { let n: Int64 }
            struct Row: Decodable {
                let customer_id: UUID
                let currency: String
                let owed_minor: Int64
                let overdue_minor: Int64
            }
            var balances: [String: [Int64]] = [:]
            if !customerIDs.isEmpty {
                for row in try await sql.raw(
                    """
                    SELECT customer_id, currency, owed_minor, overdue_minor FROM bench_summary_balances
                    WHERE customer_id IN (\(binds: customerIDs))
                    """
                ).all(decoding: Row.self) {
                    balances[row.customer_id.uuidString + " " + row.currency] = [row.owed_minor, row.overdue_minor]
                }
            }
            let customers =
                try await sql.raw("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM bench_summaries")
                .first(decoding: Count.self)?.n ?? 0
            return (Int(customers), balances)
        }
    }
}
