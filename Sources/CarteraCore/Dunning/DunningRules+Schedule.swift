/// The day each step of a policy would go out for one invoice, if it stays unpaid and nobody
/// pauses it: the daily run's own rule (`stepDue`) asked for every day from the invoice's issue
/// on, so weekends, holidays, switched-off kinds and "only the latest step after a gap" show
/// exactly as the run would apply them. Used by the policy page's timeline preview.
public struct ScheduledStep: Hashable, Sendable {
    public let step: PolicyStep
    /// The planned day (due date plus the step's offset).
    public let planned: LocalDate
    /// The day the run would send it, or nil when it would pass it over (see `DunningRules`).
    public let sent: LocalDate?
}

extension DunningRules {
    /// Every step of the policy, in order, for an invoice issued on `issued` and due on `dueDate`.
    /// The walk ends a year after the last planned step at the latest, whatever the calendar says.
    public func schedule(issued: LocalDate, dueDate: LocalDate) -> [ScheduledStep] {
        let planned = policy.steps.map { $0.scheduledDate(dueDate: dueDate) }
        guard let last = planned.max() else { return [] }
        let end = max(last, issued).addingClamped(days: 366)
        var sent: [String: LocalDate] = [:]
        var day = issued
        while day <= end, sent.count < policy.steps.count {
            let facts = DunningFacts(dueDate: dueDate, status: .open, stepsDone: Set(sent.keys))
            if let step = stepDue(for: facts, on: day) { sent[step.key] = day }
            if day == LocalDate.latest { break }
            day = day.addingClamped(days: 1)
        }
        return zip(policy.steps, planned).map { step, planned in
            ScheduledStep(step: step, planned: planned, sent: sent[step.key])
        }
    }
}
