/// Bounded search for a set of invoice balances adding up exactly to a payment.
///
/// Values come oldest first. Sizes are tried smallest first (fewest invoices wins); within a size
/// the first set found in lexicographic order of positions is returned, i.e. the one reaching the
/// oldest invoices. Sets larger than half the values are found as their complement (searched
/// newest first, which keeps the oldest invoices in the set). Pruning: the remaining picks must
/// fit between the smallest and the largest sums still possible, and the last pick is a scan.
///
/// The search visits at most `nodeBudget` nodes; if that runs out it gives up and returns nil
/// (no combination proposed) rather than spend more time on one bank line. With 30 values and
/// the default budget that is well under a millisecond.
struct SubsetSum {
    private let values: [Int64]
    private let count: Int
    /// `low[start * (count + 1) + picks]`: the smallest sum of `picks` values among values[start...]; `high` the largest.
    private var low: [Int64] = []
    private var high: [Int64] = []
    private var budget: Int
    private var chosen: [Int] = []

    static func find(_ values: [Int64], target: Int64, minimumSize: Int = 2, nodeBudget: Int) -> [Int]? {
        guard !values.isEmpty, target > 0, values.allSatisfy({ $0 > 0 }) else { return nil }
        var total: Int64 = 0
        for value in values {
            let (sum, overflow) = total.addingReportingOverflow(value)
            if overflow { return nil }
            total = sum
        }
        let n = values.count
        if target > total { return nil }
        // All values are positive, so the whole set is the only one that adds up to the total.
        if target == total { return n >= minimumSize ? Array(0..<n) : nil }
        guard minimumSize < n else { return nil }

        var direct = SubsetSum(values, budget: nodeBudget)
        var complement = SubsetSum(values.reversed(), budget: 0)
        for size in max(minimumSize, 1)..<n {
            if size <= n - size {
                if let found = direct.search(size: size, target: target) { return found }
            } else {
                complement.budget = direct.budget
                if let found = complement.search(size: n - size, target: total - target) {
                    let excluded = Set(found.map { n - 1 - $0 })
                    return (0..<n).filter { !excluded.contains($0) }
                }
                direct.budget = complement.budget
            }
            if direct.budget <= 0 { return nil }
        }
        return nil
    }

    private init(_ values: [Int64], budget: Int) {
        self.values = values
        count = values.count
        self.budget = budget
        let width = count + 1
        low = Array(repeating: 0, count: width * width)
        high = Array(repeating: 0, count: width * width)
        for start in stride(from: count - 1, through: 0, by: -1) {
            let suffix = values[start...].sorted()
            var ascending: Int64 = 0
            var descending: Int64 = 0
            for picks in 1...suffix.count {
                ascending += suffix[picks - 1]
                descending += suffix[suffix.count - picks]
                low[start * width + picks] = ascending
                high[start * width + picks] = descending
            }
        }
    }

    private mutating func search(size: Int, target: Int64) -> [Int]? {
        chosen.removeAll(keepingCapacity: true)
        return descend(from: 0, picks: size, target: target) ? chosen : nil
    }

    private mutating func descend(from start: Int, picks: Int, target: Int64) -> Bool {
        budget -= 1
        guard budget >= 0, count - start >= picks else { return false }
        let slot = start * (count + 1) + picks
        guard target >= low[slot], target <= high[slot] else { return false }
        if picks == 1 {
            guard let position = values[start...].firstIndex(of: target) else { return false }
            chosen.append(position)
            return true
        }
        for position in start...(count - picks) {
            chosen.append(position)
            if descend(from: position + 1, picks: picks - 1, target: target - values[position]) { return true }
            chosen.removeLast()
            if budget < 0 { return false }
        }
        return false
    }
}
