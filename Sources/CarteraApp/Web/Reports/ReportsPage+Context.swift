import CarteraCore
import Foundation

/// What reports.leaf draws: figures already formatted for the reader.
struct ReportsPageContext: Encodable {
    struct Figures: Encodable {
        let currency: String
        let beginning: String
        let creditSales: String
        let ending: String
        let current: String
        let dso: String
        let dsoExhausted: Bool
        let cei: String
        let bestDSO: String
    }
    struct Step: Encodable {
        let step: String
        let sent: Int
        let paidWithin: Int
        let share: String
    }
    /// What the page's aging tables are drawn from: a page of each breakdown and the totals.
    struct Aging {
        let options: ReportsPageOptions
        let byCustomer: AgingBreakdown.Page
        let byCollector: AgingBreakdown.Page
        /// The whole organisation's aging on the period's last day, per currency.
        let totals: [AgingReport]
    }

    let from: String
    let to: String
    /// The period's last day in words: the aging splits are as of it.
    let toText: String
    let withinDays: Int
    let periodText: String
    let currencies: [Figures]
    let promisesKept: Int
    let promisesBroken: Int
    let promisesShare: String
    let disputesOpen: Int
    let disputesAge: String
    let steps: [Step]
    let bucketLabels: [String]
    let byCustomer: AgingTable
    let byCollector: AgingTable
    /// The aging tables' currency choice, shown when the report holds more than one currency.
    let currencyOptions: [SelectOption]
    /// The last 12 months up to the period's end, per currency.
    let trends: [ReportTrendCharts]
    /// The form's target and the CSV links, for the same period and options as the page.
    struct Links: Encodable {
        let reports = AppURL.reports
        let collectionCSV: String
        let agingByCustomerCSV: String
        let agingByCollectorCSV: String
    }
    let links: Links

    init(
        report: CollectionReport, aging: Aging, trends: ReportTrends, stepNames: [String: String] = [:],
        format: PageFormat, text: (String) -> String
    ) {
        self.trends = ReportTrendCharts.sections(trends, format: format)
        from = report.from.iso
        to = report.to.iso
        toText = format.date(report.to)
        withinDays = report.withinDays
        periodText = "\(format.date(report.from)) – \(format.date(report.to))"
        currencies = report.currencies.map { figures in
            Figures(
                currency: figures.currency.code, beginning: format.money(figures.beginning),
                creditSales: format.money(figures.creditSales),
                ending: format.money(figures.ending.total), current: format.money(figures.ending.current),
                dso: format.localized(MetricText.tenths(figures.dso.tenthsOfDays)),
                dsoExhausted: figures.dso.historyExhausted,
                cei: figures.cei.map { format.fixedPercent(basisPoints: $0) } ?? "—",
                bestDSO: figures.bestPossibleDSO.map { format.localized(MetricText.tenths($0)) } ?? "—")
        }
        promisesKept = report.promisesKept
        promisesBroken = report.promisesBroken
        promisesShare = report.promisesKeptBasisPoints.map { format.fixedPercent(basisPoints: $0) } ?? "—"
        disputesOpen = report.disputes.open
        disputesAge = report.disputes.averageAgeTenthsOfDays.map { format.localized(MetricText.tenths($0)) } ?? "—"
        steps = report.steps.map {
            Step(
                step: stepNames[$0.key] ?? text("step.former"), sent: $0.effectiveness.sent,
                paidWithin: $0.effectiveness.paidWithin,
                share: $0.effectiveness.paidWithinBasisPoints.map { format.fixedPercent(basisPoints: $0) } ?? "—")
        }
        bucketLabels = AgingBucket.allCases.map { text("aging.\($0.rawValue)") }
        let codes = Set(report.currencies.map(\.currency.code)).union(trends.currencies.map(\.currency.code)).sorted()
        let chosen = aging.options.currency?.code ?? ""
        currencyOptions =
            codes.count > 1 || !chosen.isEmpty
            ? [SelectOption(value: "", label: text("reports.all_currencies"), selected: chosen.isEmpty)]
                + codes.map { SelectOption(value: $0, label: $0, selected: $0 == chosen) } : []
        let url = { (customerPage: Int, collectorPage: Int) in
            AppURL.reports(
                from: report.from.iso, to: report.to.iso, withinDays: report.withinDays, currency: chosen,
                customerPage: customerPage, collectorPage: collectorPage)
        }
        let customerPage = aging.byCustomer.request.page
        let collectorPage = aging.byCollector.request.page
        byCustomer = AgingTable(
            aging.byCustomer, totals: aging.totals, linked: true, format: format, text: text,
            link: { url($0, collectorPage) + "#report-aging-customer" })
        byCollector = AgingTable(
            aging.byCollector, totals: aging.totals, linked: false, format: format, text: text,
            link: { url(customerPage, $0) + "#report-aging-collector" })
        links = Links(
            collectionCSV: AppURL.reportCollectionCSV(
                from: report.from.iso, to: report.to.iso, withinDays: report.withinDays),
            agingByCustomerCSV: AppURL.reportAgingByCustomerCSV(asOf: report.to.iso),
            agingByCollectorCSV: AppURL.reportAgingByCollectorCSV(asOf: report.to.iso))
    }
}
