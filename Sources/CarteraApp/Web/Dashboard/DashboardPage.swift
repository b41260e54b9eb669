import CarteraCore
import Vapor

/// GET / — the dashboard.
struct DashboardPage {
    struct Context: Encodable {
        struct Figures: Encodable {
            let currency: String
            let receivable: String
            let overdue: String
            let overdueShare: Int
            let collectedThisMonth: String
            let dso: String
            let invoiceCount: Int
            let chart: AgingChart
        }
        struct Debtor: Encodable { let id: UUID; let url: String; let name: String; let balance: String; let risk: String; let riskLabel: String }
        struct Promise: Encodable { let customerId: UUID; let customerURL: String; let customer: String; let amount: String }
        struct DisputeAge: Encodable { let label: String; let count: Int }

        let today: String
        let currencies: [Figures]
        let debtors: [Debtor]
        let promisesToday: [Promise]
        let disputeAges: [DisputeAge]
        let openDisputes: Int
        let tasksDue: Int
    }

    static func render(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let format = context.pageFormat(language: req.pageLanguage)
        let query = DashboardQuery(context: context)
        let figures = try await query.currencies().map { figures in
            let total = figures.aging.total.minorUnits
            return Context.Figures(
                currency: figures.aging.currency.code, receivable: format.money(figures.aging.total), overdue: format.money(figures.overdue),
                overdueShare: total > 0 ? Ratio.truncated(figures.overdue.minorUnits, total, by: 100) ?? 0 : 0,
                collectedThisMonth: format.money(figures.collectedThisMonth), dso: figures.dso.map(String.init) ?? "—",
                invoiceCount: figures.invoiceCount, chart: AgingChart(report: figures.aging, format: format, labels: { req.text("aging.\($0.rawValue)") }))
        }
        let top = try await query.topDebtors()
        // Risk of the ten shown only: assessing every customer took most of the page's time with a large ledger.
        let risks = try await RiskQuery.assessments(organisationID: context.organisationID, customerIDs: try top.map { try $0.customer.requireID() },
                                                    asOf: context.today, on: context.db)
        let debtors = try top.map { debtor in
            let risk = (risks[try debtor.customer.requireID()] ?? RiskQuery.noHistory).level
            return Context.Debtor(id: try debtor.customer.requireID(), url: AppURL.customer(try debtor.customer.requireID()), name: debtor.customer.legalName,
                                  balance: format.moneyList(debtor.balances), risk: risk.rawValue, riskLabel: req.text("risk.\(risk.rawValue)"))
        }
        let promises = try await query.promisesDueToday().map { item in
            Context.Promise(customerId: try item.customer.requireID(), customerURL: AppURL.customer(try item.customer.requireID()), customer: item.customer.legalName,
                            amount: format.money(item.promise.amountMinor, item.promise.currency))
        }
        let ages = try await query.disputeAges()
        return try await req.render("dashboard", title: "dashboard.title", section: "dashboard", Context(
            today: format.date(context.today), currencies: figures, debtors: debtors, promisesToday: promises,
            disputeAges: ages.map { .init(label: req.text("dashboard.dispute_age.\($0.bucket)"), count: $0.count) },
            openDisputes: ages.reduce(0) { $0 + $1.count }, tasksDue: try await query.openTasksDue()))
    }
}

/// Aging as inline SVG bars, laid out here so the template only draws.
struct AgingChart: Encodable {
    struct Bar: Encodable {
        let label: String
        let amount: String
        /// Share of the total, shown above the bar; the amount is in the table under the chart.
        let share: String
        let x: Int
        let textX: Int
        let y: Int
        let height: Int
        let labelY: Int
        let bucket: String
    }

    static let chartHeight = 160
    static let barWidth = 64
    static let gap = 24

    let bars: [Bar]
    let width: Int
    let height: Int

    init(report: AgingReport, format: PageFormat, labels: (AgingBucket) -> String) {
        let amounts = AgingBucket.allCases.map { report.buckets[$0]?.minorUnits ?? 0 }
        let largest = max(amounts.max() ?? 0, 1)
        let total = max(amounts.saturatingSum { $0 }, 1)
        bars = AgingBucket.allCases.enumerated().map { index, bucket in
            let height = Ratio.truncated(amounts[index], largest, by: Int64(Self.chartHeight)) ?? 0
            let shown = amounts[index] > 0 ? max(height, 2) : 0
            return Bar(label: labels(bucket), amount: format.money(report.buckets[bucket] ?? .zero(report.currency)),
                       share: "\(Ratio.truncated(amounts[index], total, by: 100) ?? 0) %",
                       x: index * (Self.barWidth + Self.gap) + Self.gap / 2, textX: index * (Self.barWidth + Self.gap) + Self.gap / 2 + Self.barWidth / 2, y: 20 + Self.chartHeight - shown, height: shown,
                       labelY: 20 + Self.chartHeight - shown - 6, bucket: bucket.rawValue)
        }
        width = AgingBucket.allCases.count * (Self.barWidth + Self.gap)
        height = Self.chartHeight + 60
    }
}
