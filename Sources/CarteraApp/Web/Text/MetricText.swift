/// Exact figures from `CollectionMetrics` as decimal text: tenths of days "52.3", basis points "92.50".
enum MetricText {
    static func tenths(_ value: Int) -> String { fixed(value, places: 1) }

    static func basisPoints(_ value: Int) -> String { fixed(value, places: 2) }

    private static func fixed(_ value: Int, places: Int) -> String {
        let scale = places == 1 ? 10 : 100
        let magnitude = value.magnitude
        let fraction = String(magnitude % UInt(scale))
        return (value < 0 ? "-" : "") + "\(magnitude / UInt(scale))."
            + String(repeating: "0", count: places - fraction.count) + fraction
    }
}
