import CarteraCore
import Foundation
import SQLKit
import Testing
import Vapor

@testable import CarteraApp

/// The reports page's aging tables are paged in SQL, and its set-based figures equal the old
/// per-invoice computation (`LedgerHistory.openPositions` at each day) on a varied ledger.
@Suite struct ReportsAtScaleTests {
    @Test("aging by customer pages 50 rows, largest overdue first, and the totals are the organisation's")
    func agingByCustomerPages() async throws {
        try await TestHarness.run { h in
            // given 60 customers with 10 invoices each, half of the invoices paid
            let today = h.today
            try await SyntheticLedger.generate(
                invoices: 600, organisationID: h.organisationID, today: today, withHistory: false, on: h.app.db)
            try await SyntheticPayments.generate(
                count: 300, organisationID: h.organisationID, today: today, on: h.app.db)

            // when the API is read page by page
            let first = try await h.get("/api/v1/reports/aging-by-customer").json
            let second = try await h.get("/api/v1/reports/aging-by-customer?page=2").json
            let past = try await h.get("/api/v1/reports/aging-by-customer?page=9").json

            // then page 2 holds the rows after page 1, with nothing repeated or left out
            let rows = first["rows"].array + second["rows"].array
            #expect(first["rows"].array.count == 50)
            #expect(first["has_more"].bool == true && second["has_more"].bool == false)
            let owners = try await Self.owedCustomers(h)
            try #require(owners > 50 && rows.count == owners)
            #expect(first["total"].int == owners && second["total"].int == owners && past["total"].int == owners)
            #expect(Set(rows.compactMap { $0["id"].string }).count == owners)
            #expect(past["rows"].array.isEmpty)
            let overdue = try rows.map { row in try Self.minor(row["currencies"][0]["total"]) - Self.current(row) }
            #expect(overdue == overdue.sorted(by: >), "largest overdue balance first")
            #expect(try Self.minor(rows[0]["currencies"][0]["total"]) > 0)

            // and every page carries the whole organisation's totals, which all rows add up to
            let aging = try await AgingQuery.reports(organisationID: h.organisationID, asOf: today, on: h.app.db)
            let expected = try #require(aging.first?.report)
            for page in [first, second, past] {
                #expect(page["totals"].array.count == 1)
                #expect(page["totals"][0]["total"].string == expected.total.decimalString)
                #expect(page["totals"][0]["buckets"].object.mapValues { $0.string } == expected.wireBuckets)
            }
            let summed = try rows.reduce(Int64(0)) { $0 + (try Self.minor($1["currencies"][0]["total"])) }
            #expect(summed == expected.total.minorUnits)

            // and the page shows the same two pages, each with the organisation's total row
            let viewer = try await h.signedIn("lectora@ferreteria.co", role: .viewer)
            let page1 = try await viewer.get("/reports").body
            let page2 = try await viewer.get("/reports?customer_page=2").body
            let organisation = try #require(try await Organisation.find(h.organisationID, on: h.app.db))
            let format = PageFormat(organisation: organisation, localizer: h.app.messaging.localizer, language: "es")
            let total = format.money(expected.total)
            let name = { (row: JSON) in row["name"].string ?? "" }
            let byCustomer = { (html: String) in
                String(
                    html.split(separator: "id=\"report-aging-customer\"").last?.split(separator: "</section>").first
                        ?? "")
            }
            #expect(byCustomer(page1).contains(">\(name(rows[0]))</a>"))
            #expect(!byCustomer(page1).contains(">\(name(rows[50]))</a>"))
            #expect(byCustomer(page2).contains(">\(name(rows[50]))</a>"))
            #expect(!byCustomer(page2).contains(">\(name(rows[0]))</a>"))
            for html in [page1, page2] {
                #expect(byCustomer(html).contains("<td class=\"num\">\(total)</td>"), "organisation total \(total)")
                #expect(byCustomer(html).contains("Filas: \(owners);"))
            }
            #expect(page1.contains("customer_page=2"))
            #expect(page2.contains("customer_page=1"))
            #expect(try await viewer.get("/reports?customer_page=0").status == .unprocessableEntity)
            #expect(try await viewer.get("/reports?currency=XX").status == .unprocessableEntity)
        }
    }

    @Test("trends, receivables and the aging pages equal the per-invoice computation on a random ledger")
    func setBasedFiguresEqualThePerInvoiceOnes() async throws {
        try await TestHarness.run { h in
            // given a ledger in several currencies with payments, reversals, credit notes, write-offs and voids
            var walk = RandomLedgerOperations(h, seed: 23)
            try await walk.prepare()
            for _ in 0..<400 { try await walk.step() }
            #expect(walk.serverErrors.isEmpty, "\(walk.serverErrors.prefix(5))")
            let today = walk.today
            let closes = ReportTrends.months(endingOn: today).map(\.end)

            // when the set-based queries answer
            let trends = try await ReportTrends.agingAtCloses(closes, organisationID: h.organisationID, on: h.app.db)

            // then each close's aging is the sum over invoices open that day
            var currencies: Set<String> = []
            for close in closes {
                let reference = try await Self.perInvoiceAging(h, on: close)
                currencies.formUnion(reference.keys)
                let answered = trends.compactMapValues { $0[close.iso] }
                #expect(answered == reference, "aging at \(close.iso)")
                let receivables = try await LedgerHistory.receivables(
                    organisationID: h.organisationID, on: close, db: h.app.db)
                for (code, report) in reference {
                    #expect(receivables[code]?.total == report.total, "receivables \(code) at \(close.iso)")
                }
            }
            #expect(currencies.count > 1, "a ledger in several currencies")

            // and the customer pages add up to the same aging, currency by currency
            let page = try await AgingBreakdown.page(
                .customer, organisationID: h.organisationID, asOf: today, page: try PageRequest(page: 1, perPage: 200),
                on: h.app.db)
            #expect(page.total == page.rows.count)
            let reference = try await Self.perInvoiceAging(h, on: today)
            for (code, report) in reference {
                let rows = page.rows.filter { $0.report.currency.code == code }
                for bucket in AgingBucket.allCases {
                    let sum = rows.reduce(Int64(0)) { $0 + ($1.report.buckets[bucket]?.minorUnits ?? 0) }
                    #expect(sum == report.buckets[bucket]?.minorUnits ?? 0, "\(code) \(bucket)")
                }
            }
            let collectors = try await AgingBreakdown.page(
                .collector, organisationID: h.organisationID, asOf: today, page: try PageRequest(page: 1, perPage: 200),
                on: h.app.db)
            for (code, report) in reference {
                let sum = collectors.rows.filter { $0.report.currency.code == code }.reduce(Int64(0)) {
                    $0 + $1.report.total.minorUnits
                }
                #expect(sum == report.total.minorUnits, "collectors \(code)")
            }
        }
    }

    /// The old definition: every invoice's open amount on `day`, bucketed by its days past due.
    private static func perInvoiceAging(_ h: TestHarness, on day: LocalDate) async throws -> [String: AgingReport] {
        struct Row: Decodable {
            let currency: String
            let bucket: String
            let amount: Int64
        }
        let rows = try await h.app.db.sql.raw(
            """
            SELECT p.currency, \(unsafeRaw: AgingQuery.bucketExpression(asOf: day)) AS bucket,
                   CAST(SUM(p.open_minor) AS BIGINT) AS amount
            FROM (\(LedgerHistory.openPositions(organisationID: h.organisationID, on: day))) p
            WHERE p.open_minor > 0 GROUP BY p.currency, bucket
            """
        ).all(decoding: Row.self)
        var result: [String: AgingReport] = [:]
        for row in rows {
            let currency = try Currency(code: row.currency)
            var report = result[row.currency] ?? AgingReport(asOf: day, currency: currency)
            try report.add(
                amount: Money(minorUnits: row.amount, currency: currency),
                to: try #require(AgingBucket(rawValue: row.bucket)))
            result[row.currency] = report
        }
        return result
    }

    private static func owedCustomers(_ h: TestHarness) async throws -> Int {
        struct Row: Decodable { let owners: Int64 }
        let row = try await h.app.db.sql.raw(
            """
            SELECT CAST(COUNT(DISTINCT customer_id) AS BIGINT) AS owners FROM invoices
            WHERE organisation_id = \(bind: h.organisationID) AND balance_minor > 0
            """
        ).first(decoding: Row.self)
        return Int(row?.owners ?? 0)
    }

    private static func minor(_ amount: JSON) throws -> Int64 {
        let text = try #require(amount.string)
        return try #require(Int64(text.replacingOccurrences(of: ".", with: "")))
    }

    private static func current(_ row: JSON) throws -> Int64 { try minor(row["currencies"][0]["buckets"]["current"]) }
}
