import CarteraCore
import Fluent
import Foundation
import SQLKit

extension SQLBaselines {
    /// The day's pass over the account summaries: every customer's owed balance per currency and aging
    /// bucket, its overdue balance and its number of owed invoices, as one GROUP BY.
    ///
    /// Leaves out what the summaries also hold: paused amounts, the paid history behind risk (late
    /// count, average and 90th percentile of days late), promises, disputes, tasks and the score, which
    /// need the holds, allocations and the domain's rules.
    static func summaries(organisationID: UUID, today: LocalDate, on db: any Database) async throws -> Int {
        struct Row: Decodable { let n: Int64 }
        let dialect = try db.dialect
        let rows = try await db.sql.raw(
            """
            SELECT CAST(COUNT(*) AS BIGINT) AS n FROM (
              SELECT customer_id, currency, \(unsafeRaw: AgingQuery.bucketExpression(asOf: today)) AS bucket,
                     CAST(COUNT(*) AS BIGINT) AS invoices, \(dialect.moneySum("balance_minor")) AS owed,
                     \(dialect.moneySum("CASE WHEN due_date < \(bind: today.iso) THEN balance_minor ELSE 0 END")) AS overdue
              FROM invoices WHERE organisation_id = \(bind: organisationID) AND status IN (\(SQLOwed.list))
              GROUP BY customer_id, currency, bucket
            ) figures
            """
        ).all(decoding: Row.self)
        return Int(rows.first?.n ?? 0)
    }
}
