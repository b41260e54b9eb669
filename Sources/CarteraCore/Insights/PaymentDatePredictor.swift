/// When will an open invoice be paid? A transparent model of payment delay (settled − due days):
///
/// 1. organisation: the median delay of every settled invoice, and the 10th/90th percentile of
///    delays around it;
/// 2. customer: the customer's own median and spread, shrunk toward the organisation's with weight
///    n / (n + k), k = `customerPrior` (5): with 5 paid invoices the customer counts half;
/// 3. dispute segment: the customer's median over invoices with the same disputed flag, shrunk
///    toward step 2 with k = `segmentPrior` (2). Disputed invoices pay later for some customers and
///    not at all later for others, so the effect is learned per customer, not as one global shift.
///
/// Prediction = due date + round(median); earliest/latest add the shrunk 10th/90th percentile
/// residuals. The median minimises mean absolute error, the figure the model is judged by.
/// Building costs one sort per customer; each prediction is a dictionary lookup.
public struct PaymentDatePredictor: Sendable {
    public static let customerPrior = 5.0
    public static let segmentPrior = 2.0
    /// A customer with at least this many settled invoices (weight ≥ 80 %) is predicted "from
    /// their own history"; fewer is a blend; none is the organisation's pattern.
    public static var customerBasisMinimum: Int { Int(customerPrior * 4) }

    struct CustomerModel: Sendable {
        let all: DelaySummary
        let undisputed: DelaySummary?
        let disputed: DelaySummary?
    }

    let organisation: DelaySummary?
    let customers: [String: CustomerModel]

    /// The organisation's part of the model (step 1), learned once from all its settled invoices and
    /// reusable with any one customer's history: predicting one invoice then reads that customer only.
    public struct OrganisationPattern: Sendable, Equatable {
        let summary: DelaySummary
        public var settledCount: Int { summary.count }

        public init?(history: [SettledInvoice]) {
            self.init(delays: history.map(\.delay))
        }

        /// The same pattern from how many settled invoices had each delay (days from due date to
        /// settlement), as a database can count them without handing over every invoice.
        public init?(delayCounts: [(delay: Int, count: Int)]) {
            var delays: [Int] = []
            delays.reserveCapacity(delayCounts.reduce(0) { $0 + max(0, $1.count) })
            for entry in delayCounts where entry.count > 0 {
                delays.append(contentsOf: repeatElement(entry.delay, count: entry.count))
            }
            self.init(delays: delays)
        }

        private init?(delays: [Int]) {
            guard let summary = DelaySummary(delays) else { return nil }
            self.summary = summary
        }

        /// A pattern stored earlier (the figures below), read back.
        public init(settledCount: Int, median: Double, lowResidual: Double, highResidual: Double) {
            summary = DelaySummary(
                count: settledCount, median: median, lowResidual: lowResidual, highResidual: highResidual)
        }

        public var median: Double { summary.median }
        public var lowResidual: Double { summary.lowResidual }
        public var highResidual: Double { summary.highResidual }

        /// The same predictions: what a stored pattern must keep (the count only labels the model).
        public func predictsLike(_ other: OrganisationPattern) -> Bool {
            (median, lowResidual, highResidual) == (other.median, other.lowResidual, other.highResidual)
        }
    }

    public init(history: [SettledInvoice]) {
        self.init(organisation: OrganisationPattern(history: history), customerHistory: history)
    }

    /// `customerHistory`: settled invoices of the customers to be predicted (all of them, or one's).
    public init(organisation pattern: OrganisationPattern?, customerHistory history: [SettledInvoice]) {
        organisation = pattern?.summary
        var grouped: [String: (undisputed: [Int], disputed: [Int])] = [:]
        for invoice in history {
            if invoice.disputed {
                grouped[invoice.customer, default: ([], [])].disputed.append(invoice.delay)
            } else {
                grouped[invoice.customer, default: ([], [])].undisputed.append(invoice.delay)
            }
        }
        customers = grouped.compactMapValues { delays in
            DelaySummary(delays.undisputed + delays.disputed).map {
                CustomerModel(
                    all: $0, undisputed: DelaySummary(delays.undisputed), disputed: DelaySummary(delays.disputed))
            }
        }
    }

    public var settledCount: Int { organisation?.count ?? 0 }

    /// nil only when the predictor learned from no history at all.
    public func predict(customer: String, dueDate: LocalDate, invoiceDate: LocalDate? = nil, disputed: Bool = false)
        -> PaymentPrediction?
    {
        guard let organisation else { return nil }
        var summary = organisation
        var basis = PaymentPrediction.Basis.organisation
        var historyCount = 0
        if let model = customers[customer] {
            summary = model.all.shrunk(toward: organisation, k: Self.customerPrior)
            if let segment = disputed ? model.disputed : model.undisputed {
                summary = segment.shrunk(toward: summary, k: Self.segmentPrior)
            }
            historyCount = model.all.count
            basis = historyCount >= Self.customerBasisMinimum ? .customer : .blended
        }
        let delay = Self.roundedDays(summary.median)
        // An estimate: held to the supported dates rather than refused.
        var date = dueDate.addingClamped(days: delay)
        // Nobody pays an invoice before it exists.
        if let invoiceDate, date < invoiceDate { date = invoiceDate }
        let earliest = min(date, dueDate.addingClamped(days: Self.roundedDays(summary.median + summary.lowResidual)))
        let latest = max(date, dueDate.addingClamped(days: Self.roundedDays(summary.median + summary.highResidual)))
        return PaymentPrediction(
            date: date, earliest: earliest, latest: latest, expectedDelay: delay,
            basis: basis, customerHistoryCount: historyCount)
    }

    static func roundedDays(_ days: Double) -> Int { Int(days.rounded(.toNearestOrAwayFromZero)) }
}

/// A predicted payment date with its likely range and what it rests on.
public struct PaymentPrediction: Sendable, Equatable {
    public enum Basis: String, Sendable, Codable, CaseIterable {
        case customer, blended, organisation
    }

    public let date: LocalDate
    /// 10th to 90th percentile of comparable payments around `date`.
    public let earliest: LocalDate
    public let latest: LocalDate
    /// Days after the due date (negative: before it).
    public let expectedDelay: Int
    public let basis: Basis
    public let customerHistoryCount: Int
}
