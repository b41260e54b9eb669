import CarteraCore

/// One currency's 13 weeks as bars, drawn by `BarChart` (the week's Monday under each bar,
/// the amount on hover and read out to screen readers).
struct ForecastChart: Encodable {
    let svg: String

    init(weeks: [CashForecast.Week], currency: Currency, format: PageFormat) {
        let columns = weeks.map { week in
            let label = String(format: "%02d/%02d", week.start.day, week.start.month)
            let amount = format.money(week.amount(in: currency))
            return BarChart.Column(
                label: label, sublabel: nil, values: [week.amount(in: currency).minorUnits],
                titles: ["\(label) · \(amount)"])
        }
        let title = format.text("forecast.chart")
        let chart = BarChart(
            className: "forecast-chart", label: title,
            summary: "\(title): " + columns.compactMap(\.titles.first).joined(separator: "; "),
            series: [.init(name: currency.code, color: "#0b6e4f")], columns: columns,
            tick: { format.abbreviated(Money(minorUnits: $0, currency: currency)) })
        svg = chart.svg
    }
}
