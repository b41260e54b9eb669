/// Honest held-out measure of `PaymentDatePredictor` against the naive "pays on the due date".
///
/// Split by time, not at random: the cutoff is the 80th percentile (nearest rank) of invoice dates.
/// The model learns only from invoices settled strictly before the cutoff; it is tested on the
/// invoices dated after it. Every test invoice was issued after everything the model saw was paid,
/// so no payment from the future leaks into a prediction.
public struct PredictionEvaluation: Sendable, Equatable {
    public struct Score: Sendable, Equatable {
        public let count: Int
        /// Σ |predicted − actual| in days.
        public let totalAbsoluteError: Int
        /// Predictions within ±7 days of the actual payment.
        public let withinWeek: Int

        /// Mean absolute error in days.
        public var meanAbsoluteError: Double { count == 0 ? 0 : Double(totalAbsoluteError) / Double(count) }
        public var withinWeekBasisPoints: Int { Ratio.basisPoints(Int64(withinWeek), of: Int64(count)) ?? 0 }
    }

    public let cutoff: LocalDate
    public let trainingCount: Int
    public let model: Score
    public let dueDateBaseline: Score

    /// nil when there is nothing to train on or nothing to test.
    public init?(history: [SettledInvoice], cutoffPercentile: Int = 80) {
        guard let cutoff = Percentile.nearestRank(cutoffPercentile, of: history.map(\.invoiceDate.daysSinceEpoch)),
            let cutoffDate = try? LocalDate(daysSinceEpoch: cutoff)
        else { return nil }
        let training = history.filter { $0.settledOn < cutoffDate }
        let test = history.filter { $0.invoiceDate > cutoffDate }
        let predictor = PaymentDatePredictor(history: training)
        guard !training.isEmpty, !test.isEmpty else { return nil }
        var modelErrors: [Int] = []
        var baselineErrors: [Int] = []
        for invoice in test {
            guard
                let prediction = predictor.predict(
                    customer: invoice.customer, dueDate: invoice.dueDate,
                    invoiceDate: invoice.invoiceDate, disputed: invoice.disputed)
            else { return nil }
            modelErrors.append(abs(prediction.date.days(until: invoice.settledOn)))
            baselineErrors.append(abs(invoice.delay))
        }
        self.cutoff = cutoffDate
        trainingCount = training.count
        model = Self.score(modelErrors)
        dueDateBaseline = Self.score(baselineErrors)
    }

    static func score(_ errors: [Int]) -> Score {
        Score(count: errors.count, totalAbsoluteError: errors.reduce(0, +), withinWeek: errors.filter { $0 <= 7 }.count)
    }
}
