/// Order statistics on whole days. Integers in, integers out, so reports never depend on
/// floating-point interpolation.
enum Percentile {
    /// Nearest-rank percentile: the value at rank ⌈p/100 × n⌉ (1-based) of the sorted values.
    /// p 0 gives the minimum, p 100 the maximum; `nil` for no values.
    static func nearestRank(_ percent: Int, of values: [Int]) -> Int? {
        nearestRank(percent, ofSorted: values.sorted())
    }

    static func nearestRank(_ percent: Int, ofSorted sorted: [Int]) -> Int? {
        guard !sorted.isEmpty else { return nil }
        let clamped = min(max(percent, 0), 100)
        let rank = (clamped * sorted.count + 99) / 100
        return sorted[max(rank, 1) - 1]
    }

    /// The median in half-days: twice the median, exact for even counts ([1, 4] → 5, i.e. 2.5).
    static func doubledMedian(ofSorted sorted: [Int]) -> Int? {
        guard !sorted.isEmpty else { return nil }
        return sorted[(sorted.count - 1) / 2] + sorted[sorted.count / 2]
    }
}
