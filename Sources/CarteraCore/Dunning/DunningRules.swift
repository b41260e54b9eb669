/// What the dunning engine knows about one invoice when it decides whether to remind.
public struct DunningFacts: Hashable, Sendable {
    public let dueDate: LocalDate
    public let status: InvoiceStatus
    /// Keys of the steps this invoice has already had (sent or queued), the first notice's included.
    public let stepsDone: Set<String>
    /// In dispute, covered by a promise to pay or by a payment plan: wait.
    public let isPaused: Bool
    /// The day this invoice's first step went out; nil while it has had none.
    public let firstContactOn: LocalDate?
    /// Whether the customer ever got a reminder, about any of their invoices.
    public let customerEverContacted: Bool
    /// The day the organisation's collections started (set on the first daily pass or the first
    /// import, editable); an invoice due before it was already late when Cartera started writing.
    /// Nil: not started yet, so no invoice predates it.
    public let collectionsStart: LocalDate?

    public init(
        dueDate: LocalDate, status: InvoiceStatus, stepsDone: Set<String> = [], isPaused: Bool = false,
        firstContactOn: LocalDate?, customerEverContacted: Bool, collectionsStart: LocalDate?
    ) {
        self.dueDate = dueDate
        self.status = status
        self.stepsDone = stepsDone
        self.isPaused = isPaused
        self.firstContactOn = firstContactOn
        self.customerEverContacted = customerEverContacted
        self.collectionsStart = collectionsStart
    }

    /// The invoice has had no step yet, and either nobody at the customer ever heard from us or it was
    /// already due when collections started: its first overdue message must be a first notice.
    public var needsFirstNotice: Bool {
        stepsDone.isEmpty && (!customerEverContacted || collectionsStart.map { dueDate < $0 } ?? false)
    }

    /// Whether this invoice's first contact was a first notice (so its later steps count from it).
    var hadFirstNotice: Bool { stepsDone.contains(PolicyStep.firstNoticeKey) }
}

/// When is a reminder due? This is the one place that answers it.
///
/// On a working day, an owed, unpaused invoice gets the latest step whose date has come and that
/// it has not had yet — never an earlier step than one it already had, so after downtime only the
/// latest step goes out rather than a burst. Steps before or on the due date ("about to fall due")
/// are only sent until the due date: an overdue invoice is never told it is about to fall due.
///
/// The first contact: when the step due is an overdue one and the invoice `needsFirstNotice` (its
/// customer never got a reminder, or it was already due before collections started, and it has had
/// no step), the policy's `firstNotice` goes instead — friendly, referring to nothing earlier. It
/// stands in for the policy's first overdue step, and the later overdue steps count from it: step j
/// goes on the first notice's day + (offset j − offset of the first overdue step). So a second
/// notice, a final notice or a letter always follows a first notice, and is never a customer's first
/// message unless it is the policy's own first overdue step (then it goes as the first notice, with
/// its channel and the first notice's wording).
public struct DunningRules: Sendable {
    public let policy: CollectionPolicy
    public let calendar: WorkingCalendar
    public let enabledKinds: Set<ReminderKind>

    public init(
        policy: CollectionPolicy, calendar: WorkingCalendar = WorkingCalendar(),
        enabledKinds: Set<ReminderKind> = Set(ReminderKind.allCases)
    ) {
        self.policy = policy
        self.calendar = calendar
        self.enabledKinds = enabledKinds
    }

    /// Every step an invoice may get under this policy: the policy's own and its first notice.
    public var knownSteps: [PolicyStep] { policy.steps + (policy.firstNotice.map { [$0] } ?? []) }

    public func stepDue(for facts: DunningFacts, on today: LocalDate) -> PolicyStep? {
        guard facts.status.isOwed, !facts.isPaused, calendar.isWorkingDay(today) else { return nil }
        let lastDone = lastDoneOffset(facts)
        let candidate = policy.steps.last { step in
            plannedDate(step, facts) <= today && !facts.stepsDone.contains(step.key)
                && lastDone.map { step.offsetDays > $0 } ?? true
        }
        guard let candidate, enabledKinds.contains(candidate.kind) else { return nil }
        if candidate.kind == .beforeDue && today > facts.dueDate { return nil }
        return firstContact(instead: candidate, facts)
    }

    /// The next step an invoice will get and when, for showing "next reminder" on an invoice.
    public func nextStep(for facts: DunningFacts, after today: LocalDate) -> (step: PolicyStep, date: LocalDate)? {
        let lastDone = lastDoneOffset(facts)
        for step in policy.steps
        where !facts.stepsDone.contains(step.key) && lastDone.map({ step.offsetDays > $0 }) ?? true {
            var date = max(plannedDate(step, facts), today.addingClamped(days: 1))
            var tries = 0
            while !calendar.isWorkingDay(date) {
                date = date.addingClamped(days: 1)
                tries += 1
                if tries > 366 { return nil }
            }
            if step.kind == .beforeDue && date > facts.dueDate { continue }
            if enabledKinds.contains(step.kind) { return (firstContact(instead: step, facts), date) }
        }
        return nil
    }

    /// The day a step is planned for this invoice: its offset from the due date, or, after a first
    /// notice, its distance from the first overdue step counted from the first notice's day.
    public func plannedDate(_ step: PolicyStep, _ facts: DunningFacts) -> LocalDate {
        guard facts.hadFirstNotice, let firstContact = facts.firstContactOn,
            let standIn = policy.firstOverdueStep, step.offsetDays > standIn.offsetDays
        else { return step.scheduledDate(dueDate: facts.dueDate) }
        return firstContact.addingClamped(days: step.offsetDays - standIn.offsetDays)
    }

    /// The offset of the latest step the invoice had; a first notice counts as the first overdue step.
    private func lastDoneOffset(_ facts: DunningFacts) -> Int? {
        let done = policy.steps.filter { facts.stepsDone.contains($0.key) }.map(\.offsetDays)
        let standIn = facts.hadFirstNotice ? policy.firstOverdueStep.map { [$0.offsetDays] } ?? [] : []
        return (done + standIn).max()
    }

    private func firstContact(instead step: PolicyStep, _ facts: DunningFacts) -> PolicyStep {
        guard step.kind == .overdue, facts.needsFirstNotice, let notice = policy.firstNotice else { return step }
        return notice
    }
}
