import CarteraCore

/// One currency's 13 weeks as inline SVG bars, laid out here so the template only draws
/// (the same approach as `AgingChart`).
struct ForecastChart: Encodable {
    struct Bar: Encodable {
        /// The week's Monday, short ("09/03").
        let label: String
        let amount: String
        let x: Int
        let textX: Int
        let y: Int
        let height: Int
    }

    static let chartHeight = 160
    static let barWidth = 40
    static let gap = 12
    static let top = 10

    let bars: [Bar]
    let width: Int
    let height: Int
    let labelY: Int
    let barWidth = Self.barWidth

    init(weeks: [CashForecast.Week], currency: Currency, format: PageFormat) {
        let amounts = weeks.map { $0.amount(in: currency).minorUnits }
        let largest = max(amounts.max() ?? 0, 1)
        bars = weeks.enumerated().map { index, week in
            let height = Ratio.truncated(max(amounts[index], 0), largest, by: Int64(Self.chartHeight)) ?? 0
            let shown = amounts[index] > 0 ? max(height, 2) : 0
            let x = index * (Self.barWidth + Self.gap) + Self.gap / 2
            return Bar(
                label: String(format: "%02d/%02d", week.start.day, week.start.month),
                amount: format.money(week.amount(in: currency)),
                x: x, textX: x + Self.barWidth / 2, y: Self.top + Self.chartHeight - shown, height: shown)
        }
        width = weeks.count * (Self.barWidth + Self.gap)
        height = Self.top + Self.chartHeight + 30
        labelY = Self.top + Self.chartHeight + 20
    }
}
