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
    struct AgingRow: Encodable {
        let id: UUID?
        let url: String
        let name: String
        let currency: String
        let buckets: [String]
        let total: String
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
    let byCustomer: [AgingRow]
    let byCollector: [AgingRow]
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
        report: CollectionReport, byCustomer: [AgingBreakdown.Group], byCollector: [AgingBreakdown.Group],
        trends: ReportTrends, stepNames: [String: String] = [:], format: PageFormat, text: (String) -> String
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
        func rows(_ groups: [AgingBreakdown.Group]) -> [AgingRow] {
            groups.flatMap { group in
                group.reports.map { report in
                    AgingRow(
                        id: group.id, url: AppURL.customer(group.id.map(\.uuidString) ?? ""),
                        name: group.id == nil ? text("reports.unassigned") : group.name, currency: report.currency.code,
                        buckets: AgingBucket.allCases.map {
                            format.money(report.buckets[$0] ?? .zero(report.currency))
                        },
                        total: format.money(report.total))
                }
            }
        }
        self.byCustomer = rows(byCustomer)
        self.byCollector = rows(byCollector)
        links = Links(
            collectionCSV: AppURL.reportCollectionCSV(
                from: report.from.iso, to: report.to.iso, withinDays: report.withinDays),
            agingByCustomerCSV: AppURL.reportAgingByCustomerCSV(asOf: report.to.iso),
            agingByCollectorCSV: AppURL.reportAgingByCollectorCSV(asOf: report.to.iso))
    }
}
