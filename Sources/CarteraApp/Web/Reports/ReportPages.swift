import CarteraCore
import Vapor

/// GET /reports (collection figures and aging splits for a period), its CSV downloads, and the
/// cash forecast page. Every signed-in person may read them.
struct ReportPages {
    /// The aging splits are as of the period's last day, so the page is one consistent picture.
    func index(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let period = try ReportPeriod(try req.query.decode(ReportPeriod.Query.self), today: context.today)
        let report = try await CollectionReport.build(
            from: period.from, to: period.to, withinDays: period.withinDays, in: context)
        let options = try ReportsPageOptions(try req.query.decode(ReportsPageOptions.Query.self))
        let byCustomer = try await AgingBreakdown.page(
            .customer, asOf: period.to, currency: options.currency, page: options.customerPage, in: context)
        let byCollector = try await AgingBreakdown.page(
            .collector, asOf: period.to, currency: options.currency, page: options.collectorPage, in: context)
        let trends = try await ReportTrends.build(endingOn: period.to, in: context)
        // The trends end with the aging on the period's last day: the tables' totals, without another pass.
        let totals = trends.currencies.compactMap { trend in
            options.currency == nil || options.currency == trend.currency ? trend.points.last?.aging : nil
        }.filter { !$0.total.isZero }
        let format = context.pageFormat(language: req.pageLanguage)
        let page = ReportsPageContext(
            report: report,
            aging: .init(options: options, byCustomer: byCustomer, byCollector: byCollector, totals: totals),
            trends: trends, stepNames: try await StepText.names(in: context, format: format), format: format,
            text: { req.text($0) })
        return try await req.render("reports", title: "reports.title", section: "reports", page)
    }

    func collectionCSV(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let period = try ReportPeriod(try req.query.decode(ReportPeriod.Query.self), today: context.today)
        let report = try await CollectionReport.build(
            from: period.from, to: period.to, withinDays: period.withinDays, in: context)
        return ReportCSV.response(
            csv(req).collection(report),
            filename: "\(req.text("reports.file.collection"))-\(period.from.iso)-\(period.to.iso).csv")
    }

    func agingCSV(_ req: Request, byCollector: Bool) async throws -> Response {
        let context = try await req.serviceContext()
        let asOf = try ReportPeriod.asOf(try req.query.decode(ReportPeriod.Query.self), today: context.today)
        let groups =
            byCollector
            ? try await AgingBreakdown.byCollector(organisationID: context.organisationID, asOf: asOf, on: context.db)
            : try await AgingBreakdown.byCustomer(organisationID: context.organisationID, asOf: asOf, on: context.db)
        let name = byCollector ? "aging_by_collector" : "aging_by_customer"
        return ReportCSV.response(
            csv(req).agingBreakdown(groups, owner: byCollector ? "collector" : "customer"),
            filename: "\(req.text("reports.file.\(name)"))-\(asOf.iso).csv")
    }

    private func csv(_ req: Request) -> ReportCSV {
        ReportCSV(
            label: { req.text("reports.csv.\($0)") }, unassigned: req.text("reports.unassigned"), byteOrderMark: true)
    }
}
