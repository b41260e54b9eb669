import CarteraCore
import Vapor

/// The reports and the forecast as CSV, for the API (machine headers such as `days_1_30`) and the
/// pages (the same columns, headers in the reader's language). Amounts are plain decimal strings
/// so spreadsheets read them as numbers; one row per currency, never a sum across currencies.
struct ReportCSV: Sendable {
    /// Header text for a column key; the API uses the key itself.
    let label: @Sendable (String) -> String
    /// The collector row of customers nobody is assigned to.
    let unassigned: String
    var byteOrderMark = false

    static let api = ReportCSV(label: { $0 }, unassigned: "unassigned")

    func agingBreakdown(_ groups: [AgingBreakdown.Group], owner: String) -> String {
        let buckets = AgingBucket.allCases
        var rows = [
            ["\(owner)_id", owner, "currency"].map(label) + buckets.map { label($0.rawValue) } + [label("total")]
        ]
        for group in groups {
            for report in group.reports {
                rows.append(
                    [group.id?.uuidString ?? "", group.id == nil ? unassigned : group.name, report.currency.code]
                        + buckets.map { (report.buckets[$0] ?? .zero(report.currency)).decimalString } + [
                            report.total.decimalString
                        ])
            }
        }
        return CSVWriter().document(rows, byteOrderMark: byteOrderMark)
    }

    /// Long format, one figure per row: metric, scope (a currency or a reminder step), value.
    func collection(_ report: CollectionReport) -> String {
        var rows = [["metric", "scope", "value"].map(label)]
        rows.append([label("from"), "", report.from.iso])
        rows.append([label("to"), "", report.to.iso])
        rows.append([label("within_days"), "", String(report.withinDays)])
        for figures in report.currencies {
            let code = figures.currency.code
            rows += [
                [label("beginning_receivables"), code, figures.beginning.decimalString],
                [label("credit_sales"), code, figures.creditSales.decimalString],
                [label("ending_receivables"), code, figures.ending.total.decimalString],
                [label("ending_current"), code, figures.ending.current.decimalString],
                [label("dso_days"), code, MetricText.tenths(figures.dso.tenthsOfDays)],
                [label("cei_percent"), code, figures.cei.map(MetricText.basisPoints) ?? ""],
                [label("best_possible_dso_days"), code, figures.bestPossibleDSO.map(MetricText.tenths) ?? ""],
            ]
        }
        rows += [
            [label("promises_kept"), "", String(report.promisesKept)],
            [label("promises_broken"), "", String(report.promisesBroken)],
            [label("promises_kept_percent"), "", report.promisesKeptBasisPoints.map(MetricText.basisPoints) ?? ""],
            [label("disputes_open"), "", String(report.disputes.open)],
            [
                label("disputes_average_age_days"), "",
                report.disputes.averageAgeTenthsOfDays.map(MetricText.tenths) ?? "",
            ],
        ]
        for step in report.steps {
            rows.append([label("reminders_sent"), step.key, String(step.effectiveness.sent)])
            rows.append([label("paid_within"), step.key, String(step.effectiveness.paidWithin)])
        }
        return CSVWriter().document(rows, byteOrderMark: byteOrderMark)
    }

    /// One row per week (its Monday), a column per currency; then beyond the horizon and the total.
    func forecast(_ result: CollectionsForecast) throws -> String {
        let currencies = result.currencies
        var rows = [[label("week_start")] + currencies.map(\.code)]
        for week in result.forecast.weeks {
            rows.append([week.start.iso] + currencies.map { week.amount(in: $0).decimalString })
        }
        rows.append([label("beyond_horizon")] + currencies.map { result.beyondHorizon(in: $0).decimalString })
        rows.append([label("total")] + (try currencies.map { try result.total(in: $0).decimalString }))
        return CSVWriter().document(rows, byteOrderMark: byteOrderMark)
    }

    static func response(_ text: String, filename: String) -> Response {
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: filename)
        return response
    }
}
