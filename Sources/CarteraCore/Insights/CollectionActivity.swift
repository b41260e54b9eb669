/// How the collectors' work turns into payments: promises kept, disputes waiting, and which
/// reminder step gets invoices paid. Counts, and shares in basis points (nil when nothing to count).
public enum CollectionActivity {
    /// kept / (kept + broken), in basis points. Promises still pending count in neither.
    public static func promisesKeptBasisPoints(kept: Int, broken: Int) -> Int? {
        Ratio.basisPoints(Int64(kept), of: Int64(kept + broken))
    }

    public struct DisputeAge: Sendable, Equatable {
        public let open: Int
        /// Mean of (asOf − opened) in tenths of days; nil with no open dispute.
        public let averageAgeTenthsOfDays: Int?
    }

    public static func disputeAge(openedOn: [LocalDate], asOf: LocalDate) -> DisputeAge {
        let totalDays = openedOn.reduce(0) { $0 + max(0, $1.days(until: asOf)) }
        return DisputeAge(
            open: openedOn.count, averageAgeTenthsOfDays: Ratio.scaled(Int64(totalDays), Int64(openedOn.count), by: 10))
    }

    /// `count` reminders of one step, sent on one day, whose invoices were paid on one day (or not).
    public struct Reminder: Sendable, Equatable {
        public let step: Int
        public let sentOn: LocalDate
        public let invoicePaidOn: LocalDate?
        public let count: Int
        public init(step: Int, sentOn: LocalDate, invoicePaidOn: LocalDate?, count: Int = 1) {
            self.step = step
            self.sentOn = sentOn
            self.invoicePaidOn = invoicePaidOn
            self.count = count
        }
    }

    public struct StepEffectiveness: Sendable, Equatable {
        public let step: Int
        public let sent: Int
        /// Invoices paid on the day the reminder went out or within the following `days` days.
        public let paidWithin: Int
        public var paidWithinBasisPoints: Int? { Ratio.basisPoints(Int64(paidWithin), of: Int64(sent)) }
    }

    /// Per reminder step, ascending: reminders sent and invoices paid within `days` days after.
    public static func reminderEffectiveness(_ reminders: [Reminder], withinDays days: Int) -> [StepEffectiveness] {
        Dictionary(grouping: reminders, by: \.step).map { step, sent in
            let paid = sent.filter { reminder in
                guard let paidOn = reminder.invoicePaidOn else { return false }
                return (0...days).contains(reminder.sentOn.days(until: paidOn))
            }
            return StepEffectiveness(
                step: step, sent: sent.reduce(0) { $0 + $1.count }, paidWithin: paid.reduce(0) { $0 + $1.count })
        }.sorted { $0.step < $1.step }
    }
}
