import CarteraCore
import Foundation
import Testing

@testable import CarteraApp

/// For the organisation's today the aging pages are read from the account summaries; they must be
/// the very rows the ledger rebuild answers.
@Suite struct AgingSummaryPageTests {
    @Test("for today the summary-backed aging pages equal the ledger rebuild's, by customer and by collector")
    func summaryPagesEqualTheLedgerOnes() async throws {
        try await TestHarness.run { h in
            // given a ledger with disputes, partial payments, several currencies and customers without a collector
            var walk = RandomLedgerOperations(h, seed: 41)
            try await walk.prepare()
            for _ in 0..<400 { try await walk.step() }
            #expect(walk.serverErrors.isEmpty, "\(walk.serverErrors.prefix(5))")
            let today = walk.today

            // when the summaries are brought current (any reader of today's aging does it)
            let api = try await h.get("/api/v1/reports/aging-by-customer").json
            #expect(api["rows"].array.isEmpty == false)

            // then both paths answer the same pages, whole, per currency and on page 2
            let currencies: [Currency?] = [nil, try Currency(code: "COP"), try Currency(code: "USD")]
            var compared = 0
            for owner in [AgingBreakdown.Owner.customer, .collector] {
                for currency in currencies {
                    for (number, size) in [(1, 200), (1, 7), (2, 7)] {
                        let request = try PageRequest(page: number, perPage: size)
                        let ledger = try await AgingBreakdown.page(
                            owner, organisationID: h.organisationID, asOf: today, currency: currency, page: request,
                            on: h.app.db)
                        let summary = try await AgingBreakdown.summaryPage(
                            owner, organisationID: h.organisationID, asOf: today, currency: currency, page: request,
                            on: h.app.db)
                        #expect(summary.rows == ledger.rows, "\(owner) \(currency?.code ?? "all") page \(number)")
                        #expect(summary.total == ledger.total, "\(owner) \(currency?.code ?? "all") count")
                        compared += ledger.rows.count
                    }
                }
            }
            #expect(compared > 0)
            let collectors = try await AgingBreakdown.page(
                .collector, organisationID: h.organisationID, asOf: today, page: try PageRequest(page: 1, perPage: 200),
                on: h.app.db)
            #expect(collectors.rows.contains { $0.id == nil }, "an unassigned row")
            #expect(Set(collectors.rows.map(\.report.currency.code)).count > 1, "several currencies")

            // and the organisation-wide figures for today read from the summaries equal the ledger's:
            // `GET /api/v1/aging` and the breakdown's totals
            let context = try await ServiceContext.make(
                db: h.app.db, actor: Actor(organisationID: h.organisationID, name: "test"), app: h.app)
            #expect(CustomerSummaries.today(context) == today)
            let summed = try await AgingQuery.reports(asOf: today, in: context)
            let ledger = try await AgingQuery.reports(organisationID: h.organisationID, asOf: today, on: h.app.db)
            #expect(summed.map(\.report) == ledger.map(\.report))
            #expect(summed.map(\.invoiceCount) == ledger.map(\.invoiceCount))
            let totals = try await AgingBreakdown.totals(asOf: today, in: context)
            let history = try await ReportTrends.agingAtCloses([today], organisationID: h.organisationID, on: h.app.db)
            #expect(!totals.isEmpty)
            #expect(totals == history.keys.sorted().compactMap { history[$0]?[today.iso] }.filter { !$0.total.isZero })
        }
    }
}
