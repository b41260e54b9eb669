import CarteraCore

/// A bar chart as inline SVG, laid out and written here so a template only embeds it
/// (`#unsafeHTML(chart.svg)`; every text in it is escaped here). One column per label, each a stack
/// of segments from the bottom, one per series, over a y axis with round ticks. Accessible: the
/// chart is `role="img"` with an `aria-label` that reads out every figure and a `<title>`, and each
/// segment has its own `<title>` (shown on hover). The forecast and the report trends draw with it.
struct BarChart: Encodable {
    struct Series {
        let name: String
        let color: String
    }

    struct Column {
        /// Under the bar; a second line (a year) is optional.
        let label: String
        let sublabel: String?
        /// One per series; negative values draw as zero.
        let values: [Int64]
        /// Each segment's hover text, one per series ("mar 2026 · Vencido 1 a 30 días: $ 1,2 M").
        let titles: [String]
    }

    static let plotHeight = 160
    static let top = 12
    static let tickCount: Int64 = 4

    let svg: String

    enum CodingKeys: String, CodingKey { case svg }

    /// - Parameters:
    ///   - label: what the chart shows, its `<title>`.
    ///   - summary: the figures read out (`aria-label`).
    ///   - tick: how a y-axis value is written ("$ 1,2 M", "40").
    init(
        className: String, label: String, summary: String, series: [Series], columns: [Column],
        barWidth: Int = 40, gap: Int = 12, axisWidth: Int = 64, tick: (Int64) -> String
    ) {
        let totals = columns.map { column in column.values.reduce(Int64(0)) { $0.saturatingAdding(max($1, 0)) } }
        let ticks = Self.ticks(upTo: totals.max() ?? 0)
        let scaleTop = max(ticks.last ?? 1, 1)
        let plotBottom = Self.top + Self.plotHeight
        let hasSublabels = columns.contains { $0.sublabel != nil }
        let legendY = plotBottom + (hasSublabels ? 44 : 32)
        let width = axisWidth + columns.count * (barWidth + gap)
        let height = legendY + (series.count > 1 ? 22 : 0)
        func y(_ value: Int64) -> Int {
            plotBottom - (Ratio.truncated(max(value, 0), scaleTop, by: Int64(Self.plotHeight)) ?? 0)
        }
        func escape(_ text: String) -> String { MessageTemplate.escapeHTML(text) }

        var parts: [String] = []
        parts.append(
            "<svg class=\"chart-svg \(escape(className))\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" "
                + "height=\"\(height)\" style=\"width: 100%; height: auto; min-width: \(min(width, 480))px;\" role=\"img\" aria-label=\"\(escape(summary))\" "
                + "xmlns=\"http://www.w3.org/2000/svg\" font-family=\"system-ui, sans-serif\">")
        parts.append("<title>\(escape(label))</title>")
        for value in ticks {
            let lineY = y(value)
            parts.append(
                "<g class=\"tick\"><line x1=\"\(axisWidth - 4)\" x2=\"\(width)\" y1=\"\(lineY)\" y2=\"\(lineY)\" "
                    + "stroke=\"#dfe3ea\" stroke-width=\"1\"/>"
                    + "<text x=\"\(axisWidth - 8)\" y=\"\(lineY + 4)\" text-anchor=\"end\" font-size=\"11\" "
                    + "fill=\"#5b6475\">\(escape(tick(value)))</text></g>")
        }
        for (index, column) in columns.enumerated() {
            let x = axisWidth + index * (barWidth + gap) + gap / 2
            var segments: [String] = []
            var base: Int64 = 0
            for (position, value) in column.values.enumerated() where value > 0 {
                let lower = y(base)
                base = base.saturatingAdding(value)
                let upper = y(base)
                // Every figure that is not zero stays visible, however small next to the largest.
                let height = max(lower - upper, 2)
                let color = position < series.count ? series[position].color : "#0b6e4f"
                let title = position < column.titles.count ? column.titles[position] : ""
                segments.append(
                    "<rect x=\"\(x)\" y=\"\(lower - height)\" width=\"\(barWidth)\" height=\"\(height)\" "
                        + "fill=\"\(escape(color))\"><title>\(escape(title))</title></rect>")
            }
            let textX = x + barWidth / 2
            var labels =
                "<text class=\"label\" x=\"\(textX)\" y=\"\(plotBottom + 16)\" text-anchor=\"middle\" font-size=\"11\" "
                + "fill=\"#5b6475\">\(escape(column.label))</text>"
            if let sublabel = column.sublabel {
                labels +=
                    "<text class=\"label\" x=\"\(textX)\" y=\"\(plotBottom + 30)\" text-anchor=\"middle\" "
                    + "font-size=\"11\" fill=\"#5b6475\">\(escape(sublabel))</text>"
            }
            parts.append("<g class=\"bar\">\(segments.joined())\(labels)</g>")
        }
        if series.count > 1 {
            var x = axisWidth
            for entry in series {
                parts.append(
                    "<g class=\"legend\"><rect x=\"\(x)\" y=\"\(legendY)\" width=\"12\" height=\"12\" "
                        + "fill=\"\(escape(entry.color))\"/><text x=\"\(x + 16)\" y=\"\(legendY + 10)\" "
                        + "font-size=\"11\" fill=\"#1d2433\">\(escape(entry.name))</text></g>")
                x += 24 + entry.name.count * 6
            }
        }
        parts.append("</svg>")
        svg = parts.joined(separator: "\n")
    }

    /// 0 and round steps (1, 2 or 5 times a power of ten) up to at least `largest`, about four of them.
    static func ticks(upTo largest: Int64) -> [Int64] {
        guard largest > 0 else { return [0] }
        // Division rounding up, so no sum can overflow however large the amounts.
        func up(_ value: Int64, _ divisor: Int64) -> Int64 { value / divisor + (value % divisor == 0 ? 0 : 1) }
        let raw = up(largest, tickCount)
        var power: Int64 = 1
        while power <= raw / 10 { power *= 10 }
        let step =
            [Int64(1), 2, 5, 10].lazy.compactMap { factor -> Int64? in
                let (product, overflow) = power.multipliedReportingOverflow(by: factor)
                return overflow ? nil : product
            }.first { $0 >= raw } ?? raw
        return (0...up(largest, step)).map { $0.multipliedReportingOverflow(by: step).partialValue }
    }
}
