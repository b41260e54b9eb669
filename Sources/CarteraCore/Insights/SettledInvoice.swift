/// A paid invoice as the payment-date model learns from it.
public struct SettledInvoice: Sendable, Equatable {
    public let customer: String
    public let invoiceDate: LocalDate
    public let dueDate: LocalDate
    public let settledOn: LocalDate
    public let disputed: Bool

    public init(
        customer: String, invoiceDate: LocalDate, dueDate: LocalDate, settledOn: LocalDate, disputed: Bool = false
    ) {
        self.customer = customer
        self.invoiceDate = invoiceDate
        self.dueDate = dueDate
        self.settledOn = settledOn
        self.disputed = disputed
    }

    /// Settled − due in days: negative when paid early.
    public var delay: Int { dueDate.days(until: settledOn) }
}

/// Summary of a set of payment delays: how many, the median and the spread around it.
struct DelaySummary: Sendable, Equatable {
    let count: Int
    let median: Double
    /// 10th and 90th percentile (nearest rank) of delay − median.
    let lowResidual: Double
    let highResidual: Double

    init?(_ delays: [Int]) {
        let sorted = delays.sorted()
        guard let doubled = Percentile.doubledMedian(ofSorted: sorted) else { return nil }
        count = sorted.count
        median = Double(doubled) / 2
        lowResidual = Double(Percentile.nearestRank(10, ofSorted: sorted)!) - median
        highResidual = Double(Percentile.nearestRank(90, ofSorted: sorted)!) - median
    }

    init(count: Int, median: Double, lowResidual: Double, highResidual: Double) {
        self.count = count
        self.median = median
        self.lowResidual = lowResidual
        self.highResidual = highResidual
    }

    /// Empirical-Bayes shrinkage: this summary weighted n / (n + k), the prior k / (n + k).
    func shrunk(toward prior: DelaySummary, k: Double) -> DelaySummary {
        let weight = Double(count) / (Double(count) + k)
        func blend(_ own: Double, _ other: Double) -> Double { weight * own + (1 - weight) * other }
        return DelaySummary(
            count: count, median: blend(median, prior.median),
            lowResidual: blend(lowResidual, prior.lowResidual), highResidual: blend(highResidual, prior.highResidual))
    }
}
