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
        struct Debtor: Encodable {
            let id: UUID
            let url: String
            let name: String
            let balance: String
            let risk: String
            let riskLabel: String
        }
        struct Promise: Encodable {
            let customerId: UUID
            let customerURL: String
            let customer: String
            let amount: String
        }
        struct DisputeAge: Encodable {
            let label: String
            let count: Int
        }

        let today: String
        let currencies: [Figures]
        let debtors: [Debtor]
        let promisesToday: [Promise]
        let disputeAges: [DisputeAge]
        let openDisputes: Int
        let tasksDue: Int
        var outlook: Outlook? = nil
    }

    static func render(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let data = try await DashboardPageData.read(in: context)
        let format = context.pageFormat(language: req.pageLanguage)
        var page = try Context(data: data, format: format)
        page.outlook = try await Outlook.read(in: context, schedule: req.application.reminderSchedule, format: format)
        return try await req.render("dashboard", title: "dashboard.title", section: "dashboard", page)
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
            return Bar(
                label: labels(bucket), amount: format.money(report.buckets[bucket] ?? .zero(report.currency)),
                share: "\(Ratio.truncated(amounts[index], total, by: 100) ?? 0) %",
                x: index * (Self.barWidth + Self.gap) + Self.gap / 2,
                textX: index * (Self.barWidth + Self.gap) + Self.gap / 2 + Self.barWidth / 2,
                y: 20 + Self.chartHeight - shown, height: shown,
                labelY: 20 + Self.chartHeight - shown - 6, bucket: bucket.rawValue)
        }
        width = AgingBucket.allCases.count * (Self.barWidth + Self.gap)
        height = Self.chartHeight + 60
    }
}
