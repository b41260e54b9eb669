import CarteraCore
import Vapor

/// Reports (aging by customer and by collector, the collection report) and the cash forecast,
/// as JSON and, under the same path with `.csv`, as CSV.
struct ReportsController {
    func forecast(req: Request) async throws -> ForecastDTO {
        try ForecastDTO(try await CollectionsForecast.build(in: try await req.serviceContext()))
    }

    func forecastCSV(req: Request) async throws -> Response {
        let result = try await CollectionsForecast.build(in: try await req.serviceContext())
        return ReportCSV.response(try ReportCSV.api.forecast(result), filename: "forecast-\(result.asOf.iso).csv")
    }

    func agingByCustomer(req: Request) async throws -> AgingBreakdownDTO {
        try await agingPage(req, .customer)
    }

    func agingByCustomerCSV(req: Request) async throws -> Response {
        let (groups, asOf) = try await aging(req, byCollector: false)
        return ReportCSV.response(
            ReportCSV.api.agingBreakdown(groups, owner: "customer"), filename: "aging-by-customer-\(asOf.iso).csv")
    }

    func agingByCollector(req: Request) async throws -> AgingBreakdownDTO {
        try await agingPage(req, .collector)
    }

    func agingByCollectorCSV(req: Request) async throws -> Response {
        let (groups, asOf) = try await aging(req, byCollector: true)
        return ReportCSV.response(
            ReportCSV.api.agingBreakdown(groups, owner: "collector"), filename: "aging-by-collector-\(asOf.iso).csv")
    }

    func collection(req: Request) async throws -> CollectionReportDTO {
        CollectionReportDTO(try await collectionReport(req))
    }

    func collectionCSV(req: Request) async throws -> Response {
        let report = try await collectionReport(req)
        return ReportCSV.response(
            ReportCSV.api.collection(report), filename: "collection-\(report.from.iso)-\(report.to.iso).csv")
    }

    /// One page of rows (owner and currency, largest overdue first) and the organisation's totals.
    private func agingPage(_ req: Request, _ owner: AgingBreakdown.Owner) async throws -> AgingBreakdownDTO {
        struct Query: Content {
            var currency: String?
            var page: Int?
            var perPage: Int?
            enum CodingKeys: String, CodingKey { case currency, page, perPage = "per_page" }
        }
        let context = try await req.serviceContext()
        let asOf = try ReportPeriod.asOf(try req.query.decode(ReportPeriod.Query.self), today: context.today)
        let query = try req.query.decode(Query.self)
        let currency = try query.currency.flatMap { $0.isEmpty ? nil : try FieldParser.currency($0, "currency") }
        let page = try await AgingBreakdown.page(
            owner, asOf: asOf, currency: currency, page: try PageRequest(page: query.page, perPage: query.perPage),
            in: context)
        let totals = try await AgingBreakdown.totals(asOf: asOf, currency: currency, in: context)
        return AgingBreakdownDTO(page, totals: totals, asOf: asOf)
    }

    private func aging(_ req: Request, byCollector: Bool) async throws -> ([AgingBreakdown.Group], LocalDate) {
        let context = try await req.serviceContext()
        let asOf = try ReportPeriod.asOf(try req.query.decode(ReportPeriod.Query.self), today: context.today)
        let groups =
            byCollector
            ? try await AgingBreakdown.byCollector(organisationID: context.organisationID, asOf: asOf, on: context.db)
            : try await AgingBreakdown.byCustomer(organisationID: context.organisationID, asOf: asOf, on: context.db)
        return (groups, asOf)
    }

    private func collectionReport(_ req: Request) async throws -> CollectionReport {
        let context = try await req.serviceContext()
        let period = try ReportPeriod(try req.query.decode(ReportPeriod.Query.self), today: context.today)
        return try await CollectionReport.build(
            from: period.from, to: period.to, withinDays: period.withinDays, in: context)
    }
}
