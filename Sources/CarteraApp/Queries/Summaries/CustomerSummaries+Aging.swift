import CarteraCore
import Fluent
import Foundation
import SQLKit

/// The aging by customer or collector for the organisation's today, read from the account
/// summaries (`customer_summary_balances` holds the same five buckets per customer and currency),
/// so a page costs a pass over customers, not over the ledger. Other days keep the ledger rebuild.
extension AgingBreakdown {
    static func page(
        _ owner: Owner, asOf: LocalDate, currency: Currency? = nil, page request: PageRequest,
        in context: ServiceContext
    ) async throws -> Page {
        guard asOf == CustomerSummaries.today(context) else {
            return try await page(
                owner, organisationID: context.organisationID, asOf: asOf, currency: currency, page: request,
                on: context.db)
        }
        try await CustomerSummaries.current(in: context)
        return try await summaryPage(
            owner, organisationID: context.organisationID, asOf: asOf, currency: currency, page: request,
            on: context.db)
    }

    /// The same rows and order as the ledger's page, from the summaries; the caller makes them current.
    static func summaryPage(
        _ owner: Owner, organisationID: UUID, asOf: LocalDate, currency: Currency?, page request: PageRequest,
        on db: any Database
    ) async throws -> Page {
        let dialect = try db.dialect
        var columns: SQLQueryString = ""
        var whole: SQLQueryString = "0"
        for (index, bucket) in AgingBucket.allCases.enumerated() {
            let column = "b.\(bucket.rawValue)_minor"
            columns += "\(dialect.moneySum("\(unsafeRaw: column)")) AS \(unsafeRaw: "bucket_\(index)"), "
            whole = "\(whole) + \(unsafeRaw: column)"
        }
        let (key, name, join) = owner.grouping
        var scope: SQLQueryString = ""
        if let currency { scope = "AND b.currency = \(bind: currency.code)" }
        let current = "b.\(AgingBucket.current.rawValue)_minor"
        return try await assemble(asOf: asOf, page: request) { limit, offset in
            try await db.sql.raw(
                pageOf(
                    """
                    SELECT \(unsafeRaw: key) AS group_id, \(unsafeRaw: name) AS name, b.currency, \(columns)
                           \(dialect.moneySum("(\(whole)) - \(unsafeRaw: current)")) AS overdue,
                           \(dialect.moneySum(whole)) AS total
                    FROM customer_summary_balances b
                    JOIN customers c ON c.id = b.customer_id \(unsafeRaw: join)
                    WHERE b.organisation_id = \(bind: organisationID) \(scope)
                    GROUP BY \(unsafeRaw: key), \(unsafeRaw: name), b.currency
                    """, limit: limit, offset: offset)
            ).all(decoding: PageRow.self)
        }
    }
}

extension AgingQuery {
    /// The organisation's aging per currency on `asOf`: for today the sum of the account summaries
    /// (as the dashboard reads it), for another day the owed invoices bucketed for that day.
    static func reports(asOf: LocalDate, in context: ServiceContext) async throws -> [(
        report: AgingReport, invoiceCount: Int
    )] {
        guard asOf == CustomerSummaries.today(context) else {
            return try await reports(organisationID: context.organisationID, asOf: asOf, on: context.db)
        }
        try await CustomerSummaries.current(in: context)
        return try await CustomerSummaries.aging(organisationID: context.organisationID, asOf: asOf, on: context.db)
    }
}
