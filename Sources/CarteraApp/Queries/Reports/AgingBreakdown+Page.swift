import CarteraCore
import Fluent
import Foundation
import SQLKit

/// One page of the aging by customer or by collector: a row per owner and currency, largest overdue
/// balance first. Grouped, pivoted, ordered and cut in SQL (LIMIT/OFFSET), so a page costs one pass
/// over the ledger's changes (`LedgerHistory.changes`) however many customers there are, and
/// carries 50 rows, not all. An owner whose changes sum to zero has nothing open and no row.
extension AgingBreakdown {
    enum Owner: Sendable {
        case customer, collector

        /// What a row groups by, the name it shows and the join that finds the name, over balances
        /// `b` (with a `customer_id`) joined to customers `c`: the same for the ledger and the summaries.
        var grouping: (key: String, name: String, join: String) {
            switch self {
            case .customer: ("b.customer_id", "c.legal_name", "")
            case .collector: ("c.assigned_user_id", "u.name", "LEFT JOIN users u ON u.id = c.assigned_user_id")
            }
        }
    }

    /// One owner in one currency. `id` is nil for the collectors' "unassigned" row.
    struct Row: Equatable {
        let id: UUID?
        let name: String
        let report: AgingReport
    }

    struct Page {
        let rows: [Row]
        let request: PageRequest
        /// Rows over all pages (owners × their currencies).
        let total: Int

        var pages: Int { max(1, (total + request.perPage - 1) / request.perPage) }
        var hasMore: Bool { request.offset + rows.count < total }
    }

    struct PageRow: Decodable {
        let group_id: UUID?
        let name: String?
        let currency: String
        let row_count: Int64
        let amounts: [Int64]

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            group_id = try container.decodeIfPresent(UUID.self, forKey: Key("group_id"))
            name = try container.decodeIfPresent(String.self, forKey: Key("name"))
            currency = try container.decode(String.self, forKey: Key("currency"))
            row_count = try container.decode(Int64.self, forKey: Key("row_count"))
            amounts = try AgingBucket.allCases.indices.map {
                try container.decode(Int64.self, forKey: Key("bucket_\($0)"))
            }
        }

        struct Key: CodingKey {
            let stringValue: String
            var intValue: Int? { nil }
            init(_ name: String) { stringValue = name }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
    }

    /// Ordered by currency, then overdue (every bucket but current) largest first, then the whole
    /// open balance, the name and the id, so pages never overlap. `currency` keeps one currency.
    static func page(
        _ owner: Owner, organisationID: UUID, asOf: LocalDate, currency: Currency? = nil, page: PageRequest,
        on db: any Database
    ) async throws -> Page {
        let query = Query(owner: owner, organisationID: organisationID, asOf: asOf, currency: currency)
        return try await assemble(asOf: asOf, page: page) { try await query.rows(limit: $0, offset: $1, on: db) }
    }

    /// A page of `groups` (one row per owner and currency with `total`, `overdue` and `name`): those
    /// with a balance, in the breakdown's order, with the count of all of them on every row.
    static func pageOf(_ groups: SQLQueryString, limit: Int, offset: Int) -> SQLQueryString {
        """
        SELECT g.*, CAST(COUNT(*) OVER () AS BIGINT) AS row_count FROM (\(groups)) g
        WHERE g.total <> 0
        ORDER BY g.currency, g.overdue DESC, g.total DESC, COALESCE(g.name, ''), g.group_id
        LIMIT \(literal: limit) OFFSET \(literal: offset)
        """
    }

    /// The page from a query's rows. The count comes with the rows; a page past the last one has
    /// none, so it asks for one row.
    static func assemble(
        asOf: LocalDate, page: PageRequest, rows fetch: (_ limit: Int, _ offset: Int) async throws -> [PageRow]
    ) async throws -> Page {
        let rows = try await fetch(page.perPage, page.offset)
        let first = page.offset > 0 && rows.isEmpty ? try await fetch(1, 0).first : rows.first
        let buckets = AgingBucket.allCases
        return Page(
            rows: try rows.map { row in
                let unit = try Currency(code: row.currency)
                var report = AgingReport(asOf: asOf, currency: unit)
                for (bucket, amount) in zip(buckets, row.amounts) where amount != 0 {
                    try report.add(amount: Money(minorUnits: amount, currency: unit), to: bucket)
                }
                return Row(id: row.group_id, name: row.name ?? "", report: report)
            }, request: page, total: first.map { Int($0.row_count) } ?? 0)
    }

    private struct Query {
        let owner: Owner
        let organisationID: UUID
        let asOf: LocalDate
        let currency: Currency?

        /// Changes bucketed and summed per customer, currency and bucket first (one money sum a
        /// change), then pivoted per owner and currency over those few rows.
        func rows(limit: Int, offset: Int, on db: any Database) async throws -> [PageRow] {
            let dialect = try db.dialect
            var columns: SQLQueryString = ""
            for (index, bucket) in AgingBucket.allCases.enumerated() {
                columns +=
                    "\(dialect.moneySum("CASE WHEN b.bucket = \(bind: bucket.rawValue) THEN b.amount ELSE 0 END")) AS \(unsafeRaw: "bucket_\(index)"), "
            }
            let (key, name, join) = owner.grouping
            var scope: SQLQueryString = ""
            if let currency { scope = "WHERE x.currency = \(bind: currency.code)" }
            let bucket = AgingQuery.bucketExpression(asOf: asOf)
            return try await db.sql.raw(
                AgingBreakdown.pageOf(
                    """
                    SELECT \(unsafeRaw: key) AS group_id, \(unsafeRaw: name) AS name, b.currency, \(columns)
                           \(dialect.moneySum("CASE WHEN b.bucket <> \(bind: AgingBucket.current.rawValue) THEN b.amount ELSE 0 END")) AS overdue,
                           \(dialect.moneySum("b.amount")) AS total
                    FROM (
                        SELECT x.customer_id, x.currency, \(unsafeRaw: bucket) AS bucket, \(dialect.moneySum("x.amount")) AS amount
                        FROM (\(LedgerHistory.changes(organisationID: organisationID, through: asOf))) x
                        \(scope)
                        GROUP BY x.customer_id, x.currency, \(unsafeRaw: bucket)
                    ) b
                    JOIN customers c ON c.id = b.customer_id \(unsafeRaw: join)
                    GROUP BY \(unsafeRaw: key), \(unsafeRaw: name), b.currency
                    """, limit: limit, offset: offset)
            ).all(decoding: PageRow.self)
        }
    }
}

extension AgingBreakdown {
    /// The whole organisation's aging on `asOf`, one report per currency by code: what every page
    /// of the breakdown adds up to, for the tables' total rows. For today the sum of the account
    /// summaries (as the pages read them), for another day the ledger rebuilt as of that day.
    static func totals(asOf: LocalDate, currency: Currency? = nil, in context: ServiceContext) async throws
        -> [AgingReport]
    {
        let reports: [AgingReport]
        if asOf == CustomerSummaries.today(context) {
            reports = try await AgingQuery.reports(asOf: asOf, in: context).map(\.report)
        } else {
            let byCurrency = try await ReportTrends.agingAtCloses(
                [asOf], organisationID: context.organisationID, on: context.db)
            reports = byCurrency.keys.sorted().compactMap { byCurrency[$0]?[asOf.iso] }
        }
        // A currency whose balances net to nothing has no total row, whichever way it was read.
        return reports.filter { !$0.total.isZero && (currency == nil || $0.currency == currency) }
    }
}
