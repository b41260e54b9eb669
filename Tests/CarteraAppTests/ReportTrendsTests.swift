import CarteraCore
import Foundation
import Testing

@testable import CarteraApp

/// The report's 12-month trends on the hand-built ledger of `ReportsFixture` (today 2026-03-15).
/// Worked out by hand, COP (minor units are cents):
///
///   Dec 2025 close 12-31: A-1 1000 open, not yet due. Sales Dec 1000 → countback 1000/1000 × 31 = 31.0 days.
///   Jan 2026 close 01-31: A-1 1000 (22 days late), B-1 1500, A-2 600 (not due) = 3100; sales Jan 2600 →
///            31 days, 500 left; Dec 1000 → 500/1000 × 31 = 15.5 → 46.5 days. Collected: B-1 500 on 01-25.
///   Feb      close 02-28: 3300 as in the February report, DSO 51.8; current A-3 300 + B-2 900 = 1200,
///            1–30 days A-2 600 (9) + B-1 1500 (24) = 2100. Collected: A-1 1000 (02-05) + A-3 100 (02-20) = 1100.
///   Mar      close 03-15 (today): A-2 600 (24 days) + A-3 300 (3 days) = 900 late 1–30, B-2 900 current = 1800;
///            no March sales → its 15 days, Feb 1300 → 28 days, 500 left; Jan 2600 → 500/2600 × 31 = 5.96 → 6.0
///            → 49.0 days. Collected: B-1 1500 on 03-10.
///   Apr–Nov 2025: nothing open, nothing sold, nothing collected (DSO 0).
/// USD: C-1 300 issued 02-01, due 03-03. Feb: 300 current, DSO 300/300 × 28 = 28.0. Mar: 300 late 12 days,
///   15 + 28 = 43.0 days.
@Suite struct ReportTrendsTests {
    func trends(_ h: TestHarness) async throws -> ReportTrends {
        _ = try await ReportsFixture.build(h)
        let context = try await ServiceContext.make(
            db: h.app.db, actor: Actor(organisationID: h.organisationID, name: "test"), app: h.app)
        return try await ReportTrends.build(endingOn: try LocalDate(iso: "2026-03-15"), in: context)
    }

    @Test func theSeriesOfAHandBuiltLedgerAreExactlyRight() async throws {
        try await TestHarness.run { h in
            let trends = try await trends(h)
            #expect(trends.months.count == 12)
            #expect(trends.months.first?.start.iso == "2025-04-01")
            #expect(trends.months.first?.end.iso == "2025-04-30")
            #expect(trends.months.last?.start.iso == "2026-03-01")
            #expect(trends.months.last?.end.iso == "2026-03-15", "the current month closes on the period's end")
            #expect(trends.currencies.map(\.currency.code) == ["COP", "USD"])
            let cop = try #require(trends.currencies.first).points
            #expect(cop.map(\.dso.tenthsOfDays) == [0, 0, 0, 0, 0, 0, 0, 0, 310, 465, 518, 490])
            #expect(cop.map(\.collected.minorUnits) == [0, 0, 0, 0, 0, 0, 0, 0, 0, 500_00, 1100_00, 1500_00])
            #expect(cop.map(\.aging.total.minorUnits) == [0, 0, 0, 0, 0, 0, 0, 0, 1000_00, 3100_00, 3300_00, 1800_00])
            func buckets(_ point: ReportTrends.Point) -> [Int64] {
                AgingBucket.allCases.map { point.aging.buckets[$0]?.minorUnits ?? 0 }
            }
            #expect(buckets(cop[8]) == [1000_00, 0, 0, 0, 0])
            #expect(buckets(cop[9]) == [2100_00, 1000_00, 0, 0, 0])
            #expect(buckets(cop[10]) == [1200_00, 2100_00, 0, 0, 0])
            #expect(buckets(cop[11]) == [900_00, 900_00, 0, 0, 0])
            #expect(cop.allSatisfy { !$0.dso.historyExhausted })
            let usd = try #require(trends.currencies.last).points
            #expect(usd.map(\.dso.tenthsOfDays).suffix(3) == [0, 280, 430])
            #expect(usd.map(\.aging.total.minorUnits).suffix(3) == [0, 300_00, 300_00])
            #expect(buckets(usd[11]) == [0, 300_00, 0, 0, 0])
            #expect(usd.allSatisfy { $0.collected.isZero })
        }
    }

    /// The February point is the same DSO the report's table gives for February.
    @Test func aMonthsDSOIsTheReportsDSOForThatMonth() async throws {
        try await TestHarness.run { h in
            let trends = try await trends(h)
            let reply = try await h.get("/api/v1/reports/collection?from=2026-02-01&to=2026-02-28")
            #expect(reply.json["currencies"][0]["dso_days"].string == "51.8")
            #expect(trends.currencies[0].points[10].dso.tenthsOfDays == 518)
        }
    }

    @Test(arguments: [
        (
            "es", "feb 2026 · $ 1.100,00", ">$ 1,5 mil</text>", "feb 2026 · 51,8 días", "Cobrado por mes",
            "mar 2026 · Al día: $ 900,00"
        ),
        (
            "en", "Feb 2026 · $1,100.00", ">$1.5K</text>", "Feb 2026 · 51.8 days", "Collected by month",
            "Mar 2026 · Current: $900.00"
        ),
    ])
    func theChartsAreSVGInThePagesLanguageAndNumbers(
        language: String, collected: String, tick: String, dso: String, title: String, bucket: String
    ) async throws {
        try await TestHarness.run { h in
            let trends = try await trends(h)
            let organisation = try #require(try await Organisation.find(h.organisationID, on: h.app.db))
            let format = PageFormat(
                organisation: organisation, localizer: h.app.messaging.localizer, language: language)
            let charts = ReportTrendCharts.sections(trends, format: format)
            #expect(charts.map(\.currency) == ["COP", "USD"])
            let cop = try #require(charts.first)
            let svg = cop.collections.svg
            #expect(svg.hasPrefix("<svg") && svg.contains("role=\"img\""))
            #expect(svg.contains("<title>\(title) · COP</title>"))
            #expect(svg.contains("<title>\(collected)</title>"))
            #expect(svg.contains(tick), "amounts abbreviated the local way on the axis")
            #expect(svg.contains("aria-label=\"\(title): "))
            #expect(svg.contains(collected.replacingOccurrences(of: " · ", with: " ")), "the figures are read out")
            #expect(cop.dso.svg.contains("<title>\(dso)</title>"))
            #expect(cop.aging.svg.contains("<title>\(bucket)</title>"))
            #expect(cop.aging.svg.components(separatedBy: "class=\"legend\"").count == 6, "one legend entry a bucket")
            // 12 columns; the stacked aging bars have one rectangle per bucket that holds money
            #expect(svg.components(separatedBy: "<g class=\"bar\">").count == 13)
        }
    }

    @Test func theReportsPageShowsTheTrendCharts() async throws {
        try await TestHarness.run { h in
            _ = try await ReportsFixture.build(h)
            let web = try await h.signedIn("gerente@ferreteria.co", role: .viewer)
            let page = try await web.get("/reports?from=2026-03-01&to=2026-03-15")
            #expect(page.status == .ok)
            #expect(page.body.contains("id=\"report-trends\""))
            #expect(page.body.contains("<svg class=\"chart-svg trend-dso\""))
            #expect(page.body.contains("<svg class=\"chart-svg trend-collections\""))
            #expect(page.body.contains("<svg class=\"chart-svg trend-aging\""))
            #expect(page.body.contains("id=\"trends-USD\""))
            #expect(!page.body.contains("&lt;svg"), "the SVG is embedded, not escaped")
        }
    }

    @Test func abbreviatedAmountsAndRoundTicks() throws {
        let cop = try Currency(code: "COP")
        func es(_ major: Int64) -> String { Money(minorUnits: major * 100, currency: cop).abbreviated(locale: .esCO) }
        func en(_ major: Int64) -> String { Money(minorUnits: major * 100, currency: cop).abbreviated(locale: .enUS) }
        #expect(es(1_234_567) == "$ 1,2 M")
        #expect(es(350_000) == "$ 350 mil")
        #expect(es(2_500_000_000) == "$ 2,5 mil M")
        #expect(es(950) == "$ 950")
        #expect(en(1_234_567) == "$1.2M")
        #expect(en(350_000) == "$350K")
        #expect(BarChart.ticks(upTo: 518) == [0, 200, 400, 600])
        #expect(BarChart.ticks(upTo: 150_000) == [0, 50_000, 100_000, 150_000])
        #expect(BarChart.ticks(upTo: 0) == [0])
        #expect(BarChart.ticks(upTo: .max).count >= 2, "no overflow")
    }
}
