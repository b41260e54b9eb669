import CarteraCore
import Vapor

/// GET /forecast — expected collections per week for the next 13 weeks; /forecast.csv the same as CSV.
struct ForecastPage {
    struct Context: Encodable {
        struct Section: Encodable {
            let currency: String
            let chart: ForecastChart
            let total: String
            let beyond: String
        }
        struct Row: Encodable {
            let start: String
            let amounts: [String]
        }
        struct Links: Encodable { let csv = AppURL.forecastCSV }

        let today: String
        let currencies: [String]
        let sections: [Section]
        let rows: [Row]
        let beyond: [String]
        let totals: [String]
        let settledInvoices: Int
        let instalments: Int
        let links = Links()
    }

    static func render(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let format = context.pageFormat(language: req.pageLanguage)
        let result = try await CollectionsForecast.build(in: context)
        let currencies = result.currencies
        let weeks = result.forecast.weeks
        let page = Context(
            today: format.date(result.asOf), currencies: currencies.map(\.code),
            sections: try currencies.map { currency in
                .init(
                    currency: currency.code, chart: ForecastChart(weeks: weeks, currency: currency, format: format),
                    total: format.money(try result.total(in: currency)),
                    beyond: format.money(result.beyondHorizon(in: currency)))
            },
            rows: weeks.map { week in
                .init(start: format.date(week.start), amounts: currencies.map { format.money(week.amount(in: $0)) })
            },
            beyond: currencies.map { format.money(result.beyondHorizon(in: $0)) },
            totals: try currencies.map { format.money(try result.total(in: $0)) },
            settledInvoices: result.settledInvoices, instalments: result.instalments)
        return try await req.render("forecast", title: "forecast.title", section: "forecast", page)
    }

    static func csv(req: Request) async throws -> Response {
        let result = try await CollectionsForecast.build(in: try await req.serviceContext())
        let csv = ReportCSV(
            label: { req.text("reports.csv.\($0)") }, unassigned: req.text("reports.unassigned"), byteOrderMark: true)
        return ReportCSV.response(
            try csv.forecast(result), filename: "\(req.text("forecast.file"))-\(result.asOf.iso).csv")
    }
}
