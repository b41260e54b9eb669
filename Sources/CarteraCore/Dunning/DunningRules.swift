/// What the dunning engine knows about one invoice when it decides whether to remind.
public struct DunningFacts: Hashable, Sendable {
    public let dueDate: LocalDate
    public let status: InvoiceStatus
    /// Keys of the steps this invoice has already had (sent or queued).
    public let stepsDone: Set<String>
    /// In dispute, covered by a promise to pay or by a payment plan: wait.
    public let isPaused: Bool

    public init(dueDate: LocalDate, status: InvoiceStatus, stepsDone: Set<String> = [], isPaused: Bool = false) {
        self.dueDate = dueDate
        self.status = status
        self.stepsDone = stepsDone
        self.isPaused = isPaused
    }
}

/// When is a reminder due? This is the one place that answers it.
///
/// On a working day, an owed, unpaused invoice gets the latest step whose date has come and that
/// it has not had yet — never an earlier step than one it already had, so after downtime only the
/// latest step goes out rather than a burst. Steps before or on the due date ("about to fall due")
/// are only sent until the due date: an overdue invoice is never told it is about to fall due.
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

    public func stepDue(for facts: DunningFacts, on today: LocalDate) -> PolicyStep? {
        guard facts.status.isOwed, !facts.isPaused, calendar.isWorkingDay(today) else { return nil }
        let lastDoneOffset = policy.steps.filter { facts.stepsDone.contains($0.key) }.map(\.offsetDays).max()
        let candidate = policy.steps.last { step in
            step.scheduledDate(dueDate: facts.dueDate) <= today && !facts.stepsDone.contains(step.key)
                && lastDoneOffset.map { step.offsetDays > $0 } ?? true
        }
        guard let candidate, enabledKinds.contains(candidate.kind) else { return nil }
        if candidate.kind == .beforeDue && today > facts.dueDate { return nil }
        return candidate
    }

    /// The next step an invoice will get and when, for showing "next reminder" on an invoice.
    public func nextStep(for facts: DunningFacts, after today: LocalDate) -> (step: PolicyStep, date: LocalDate)? {
        let lastDoneOffset = policy.steps.filter { facts.stepsDone.contains($0.key) }.map(\.offsetDays).max()
        for step in policy.steps
        where !facts.stepsDone.contains(step.key) && lastDoneOffset.map({ step.offsetDays > $0 }) ?? true {
            var date = max(step.scheduledDate(dueDate: facts.dueDate), today.addingClamped(days: 1))
            var tries = 0
            while !calendar.isWorkingDay(date) {
                date = date.addingClamped(days: 1)
                tries += 1
                if tries > 366 { return nil }
            }
            if step.kind == .beforeDue && date > facts.dueDate { continue }
            if enabledKinds.contains(step.kind) { return (step, date) }
        }
        return nil
    }
}
