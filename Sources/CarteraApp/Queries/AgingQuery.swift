import CarteraCore
import Fluent
import Foundation
import SQLKit

/// The set-based SQL behind aging: one pass over open invoices, grouped by currency and bucket.
/// Bucket limits come from `AgingBucket.dayRange` and are turned into due-date limits here, so
/// the rule lives in the domain and the same plain comparisons run on SQLite and PostgreSQL.
enum AgingQuery {
    struct Row: Decodable {
        let currency: String
        let bucket: String
        let amount: Int64
        let invoices: Int64
    }

    static func reports(organisationID: UUID, customerID: UUID? = nil, asOf: LocalDate, on db: any Database)
        async throws -> [(report: AgingReport, invoiceCount: Int)]
    {
        let sql = try db.sql
        let dialect = try db.dialect
        var scope: SQLQueryString = "organisation_id = \(bind: organisationID) AND status IN (\(SQLOwed.list))"
        if let customerID { scope += " AND customer_id = \(bind: customerID)" }
        let rows = try await sql.raw(
            """
            SELECT currency, \(unsafeRaw: bucketExpression(asOf: asOf)) AS bucket,
                   \(dialect.moneySum("balance_minor")) AS amount, CAST(COUNT(*) AS BIGINT) AS invoices
            FROM invoices
            WHERE \(scope)
            GROUP BY currency, bucket
            """
        ).all(decoding: Row.self)
        var reports: [String: (report: AgingReport, invoiceCount: Int)] = [:]
        for row in rows {
            let currency = try Currency(code: row.currency)
            guard let bucket = AgingBucket(rawValue: row.bucket) else { continue }
            var entry = reports[row.currency] ?? (AgingReport(asOf: asOf, currency: currency), 0)
            try entry.report.add(amount: Money(minorUnits: row.amount, currency: currency), to: bucket)
            entry.invoiceCount += Int(row.invoices)
            reports[row.currency] = entry
        }
        return reports.keys.sorted().compactMap { reports[$0] }
    }

    /// `CASE WHEN due_date >= '…' THEN 'current' … ELSE 'over_90' END`, with ISO dates compared as text.
    static func bucketExpression(asOf: LocalDate) -> String {
        var clauses: [String] = []
        var openEnded = AgingBucket.over90.rawValue
        for bucket in AgingBucket.allCases {
            guard let upper = bucket.maximumDaysPastDue else {
                openEnded = bucket.rawValue
                continue
            }
            clauses.append("WHEN due_date >= '\(asOf.addingClamped(days: -upper).iso)' THEN '\(bucket.rawValue)'")
        }
        return "CASE \(clauses.joined(separator: " ")) ELSE '\(openEnded)' END"
    }
}
