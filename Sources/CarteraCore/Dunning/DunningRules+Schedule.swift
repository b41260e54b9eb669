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
    /// Every step of the policy, in order, for an invoice issued on `issued` and due on `dueDate`,
    /// as the daily run would send them from `start` (the issue day by default) on: for a customer
    /// already in touch (`customerEverContacted`), or a new one — whose first overdue message is a
    /// first notice, listed before the step it stands in for — and with collections started on
    /// `collectionsStart`. The walk ends a year after the last planned step at the latest.
    public func schedule(
        issued: LocalDate, dueDate: LocalDate, from start: LocalDate? = nil, customerEverContacted: Bool = true,
        collectionsStart: LocalDate? = nil
    ) -> [ScheduledStep] {
        let steps = knownSteps
        var sent: [String: LocalDate] = [:]
        var firstContact: LocalDate?
        let firstDay = max(issued, start ?? issued)
        var planned = policy.steps.map { $0.scheduledDate(dueDate: dueDate) }
        guard let last = planned.max() else { return [] }
        let end = max(last, firstDay).addingClamped(days: 366)
        var day = firstDay
        while day <= end, sent.count < steps.count {
            let facts = DunningFacts(
                dueDate: dueDate, status: .open, stepsDone: Set(sent.keys), firstContactOn: firstContact,
                customerEverContacted: customerEverContacted || firstContact != nil,
                collectionsStart: collectionsStart)
            if let step = stepDue(for: facts, on: day) {
                sent[step.key] = day
                firstContact = firstContact ?? day
            }
            if day == LocalDate.latest { break }
            day = day.addingClamped(days: 1)
        }
        // After a first notice the later steps are planned from it.
        let facts = DunningFacts(
            dueDate: dueDate, status: .open, stepsDone: Set(sent.keys), firstContactOn: firstContact,
            customerEverContacted: true, collectionsStart: collectionsStart)
        planned = policy.steps.map { plannedDate($0, facts) }
        var result = zip(policy.steps, planned).map { step, planned in
            ScheduledStep(step: step, planned: planned, sent: sent[step.key])
        }
        if let notice = policy.firstNotice, let day = sent[notice.key],
            let index = result.firstIndex(where: { $0.step.offsetDays == notice.offsetDays })
        {
            result.insert(ScheduledStep(step: notice, planned: day, sent: day), at: index)
        }
        return result
    }
}
