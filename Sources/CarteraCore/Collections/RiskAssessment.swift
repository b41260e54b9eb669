/// A first, transparent risk rule from a customer's payment history. The thresholds are stated
/// here and shown to the user as the reason; nothing is learned or hidden.
///
/// - high: 2+ broken promises, or at least half of the paid invoices paid late, or paid on
///   average more than 30 days late;
/// - medium: a broken promise, or more than a fifth paid late, or on average more than 10 days
///   late, or fewer than 3 paid invoices to judge by (new customers are not trusted blindly);
/// - low: otherwise.
public struct RiskAssessment: Sendable, Equatable {
    public struct PaidInvoice: Sendable, Equatable {
        public let dueDate: LocalDate
        public let paidOn: LocalDate
        public init(dueDate: LocalDate, paidOn: LocalDate) {
            self.dueDate = dueDate
            self.paidOn = paidOn
        }
        public var daysLate: Int { max(0, dueDate.days(until: paidOn)) }
    }

    public let level: RiskLevel
    public let paidCount: Int
    public let paidLateCount: Int
    /// Mean days late over all paid invoices (on-time ones count as 0).
    public let averageDaysLate: Int
    public let brokenPromises: Int

    public static let minimumHistory = 3

    public init(paid: [PaidInvoice], brokenPromises: Int) {
        paidCount = paid.count
        paidLateCount = paid.filter { $0.daysLate > 0 }.count
        averageDaysLate = paid.isEmpty ? 0 : paid.map(\.daysLate).reduce(0, +) / paid.count
        self.brokenPromises = brokenPromises
        let lateShare = paid.isEmpty ? 0 : Double(paidLateCount) / Double(paidCount)
        if brokenPromises >= 2 || (paidCount >= Self.minimumHistory && (lateShare >= 0.5 || averageDaysLate > 30)) {
            level = .high
        } else if brokenPromises == 1 || paidCount < Self.minimumHistory || lateShare > 0.2 || averageDaysLate > 10 {
            level = .medium
        } else {
            level = .low
        }
    }
}
