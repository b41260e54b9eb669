import CarteraCore

/// The report's trend charts, one set per currency: DSO by month, collected by month, aging at
/// each month's close (stacked by bucket). Months are "mar" with the year under January and the
/// first month; figures in the page's locale, amounts abbreviated on the axis and in full on hover.
struct ReportTrendCharts: Encodable {
    let currency: String
    let dso: BarChart
    let collections: BarChart
    let aging: BarChart

    static let bucketColors: [AgingBucket: String] = [
        .current: "#0b6e4f", .days1To30: "#ca8a04", .days31To60: "#d97706", .days61To90: "#ea580c",
        .over90: "#b91c1c",
    ]

    static func sections(_ trends: ReportTrends, format: PageFormat) -> [ReportTrendCharts] {
        trends.currencies.map { ReportTrendCharts($0, months: trends.months, format: format) }
    }

    init(_ trend: ReportTrends.CurrencyTrend, months: [ReportTrends.Month], format: PageFormat) {
        let unit = trend.currency
        currency = unit.code
        let named = months.map { format.month($0.start) }
        func column(_ index: Int, values: [Int64], titles: [String]) -> BarChart.Column {
            let start = months[index].start
            return BarChart.Column(
                label: format.monthName(start.month),
                sublabel: index == 0 || start.month == 1 ? String(start.year) : nil, values: values, titles: titles)
        }
        func summary(_ title: String, _ figures: [String]) -> String {
            "\(title): " + zip(named, figures).map { "\($0) \($1)" }.joined(separator: "; ")
        }
        func money(_ minor: Int64) -> String { format.abbreviated(Money(minorUnits: minor, currency: unit)) }

        let days = trend.points.map { format.text("reports.trend.days", ["days": format.tenths($0.dso.tenthsOfDays)]) }
        let dsoTitle = format.text("reports.trend.dso")
        dso = BarChart(
            className: "trend-dso", label: "\(dsoTitle) · \(unit.code)", summary: summary(dsoTitle, days),
            series: [.init(name: dsoTitle, color: "#0b6e4f")],
            columns: trend.points.indices.map { index in
                // tenths of days drawn as bars; the axis reads whole days
                column(
                    index, values: [Int64(trend.points[index].dso.tenthsOfDays)],
                    titles: ["\(named[index]) · \(days[index])"])
            },
            tick: { format.integer($0 / 10) })

        let collected = trend.points.map { format.money($0.collected) }
        let collectedTitle = format.text("reports.trend.collections")
        collections = BarChart(
            className: "trend-collections", label: "\(collectedTitle) · \(unit.code)",
            summary: summary(collectedTitle, collected), series: [.init(name: collectedTitle, color: "#0b6e4f")],
            columns: trend.points.indices.map { index in
                column(
                    index, values: [trend.points[index].collected.minorUnits],
                    titles: ["\(named[index]) · \(collected[index])"])
            },
            tick: money)

        let buckets = AgingBucket.allCases
        let names = buckets.map { format.text("aging.\($0.rawValue)") }
        let agingTitle = format.text("reports.trend.aging")
        let totals = trend.points.map { point in
            let parts = zip(names, buckets).map { name, bucket in
                "\(name) \(format.money(point.aging.buckets[bucket] ?? .zero(point.aging.currency)))"
            }
            return "\(format.money(point.aging.total)) (\(parts.joined(separator: ", ")))"
        }
        aging = BarChart(
            className: "trend-aging", label: "\(agingTitle) · \(unit.code)", summary: summary(agingTitle, totals),
            series: zip(names, buckets).map { .init(name: $0, color: Self.bucketColors[$1] ?? "#0b6e4f") },
            columns: trend.points.indices.map { index in
                let report = trend.points[index].aging
                return column(
                    index, values: buckets.map { report.buckets[$0]?.minorUnits ?? 0 },
                    titles: zip(names, buckets).map { name, bucket in
                        "\(named[index]) · \(name): \(format.money(report.buckets[bucket] ?? .zero(report.currency)))"
                    })
            },
            tick: money)
    }
}
