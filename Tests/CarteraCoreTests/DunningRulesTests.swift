import Testing

@testable import CarteraCore

@Suite struct DunningRulesTests {
    let due = try! LocalDate(iso: "2026-03-20") // a Friday
    let everyDay = DunningRules(policy: .standard, calendar: .everyDay)

    /// An invoice of a customer already in touch, before collections had a start day.
    func contacted(_ status: InvoiceStatus, _ done: Set<String> = []) -> DunningFacts {
        DunningFacts(
            dueDate: due, status: status, stepsDone: done, firstContactOn: nil, customerEverContacted: true,
            collectionsStart: nil)
    }

    /// Walks one invoice through the standard policy day by day, recording what it gets.
    func walk(_ rules: DunningRules, from: Int, to: Int, paused: ClosedRange<Int>? = nil, paidOn: Int? = nil) -> [Int:
        String]
    {
        var done: Set<String> = []
        var sent: [Int: String] = [:]
        for offset in from...to {
            let status: InvoiceStatus = paidOn.map { offset >= $0 } == true ? .paid : .open
            let facts = DunningFacts(
                dueDate: due, status: status, stepsDone: done, isPaused: paused?.contains(offset) ?? false,
                firstContactOn: nil, customerEverContacted: true, collectionsStart: nil)
            if let step = rules.stepDue(for: facts, on: due.addingClamped(days: offset)) {
                done.insert(step.key)
                sent[offset] = step.key
            }
        }
        return sent
    }

    @Test func eachStepOnItsDayExactlyOnce() {
        #expect(
            walk(everyDay, from: -30, to: 120) == [
                -10: "before_10", 0: "due_day", 10: "after_10", 20: "after_20", 30: "call_30", 45: "final_45",
                60: "letter_60",
            ])
    }

    @Test func paymentStopsTheChain() {
        #expect(walk(everyDay, from: -30, to: 120, paidOn: 12) == [-10: "before_10", 0: "due_day", 10: "after_10"])
    }

    @Test func pauseHoldsRemindersAndResumingSendsOnlyTheLatestStep() {
        // disputed from day 5 to day 50: the +10 and +30 and +45 steps are not sent; on day 51 only +45
        #expect(
            walk(everyDay, from: -30, to: 120, paused: 5...50) == [
                -10: "before_10", 0: "due_day", 51: "final_45", 60: "letter_60",
            ])
    }

    @Test func catchUpAfterDowntimeSendsOnlyTheLatestDueStep() {
        // first run 35 days after the due date, nothing sent before
        #expect(walk(everyDay, from: 35, to: 120) == [35: "call_30", 45: "final_45", 60: "letter_60"])
    }

    @Test func beforeDueStepsAreNeverSentOnceOverdue() {
        // first run 3 days after due: "due today" is stale; nothing until +10
        #expect(walk(everyDay, from: 3, to: 12) == [10: "after_10"])
    }

    @Test func weekendsAndHolidaysMoveRemindersToTheNextWorkingDay() throws {
        // due Friday 2026-03-20: -10 is Tuesday 10th (holiday here), +10 is Monday 30th
        let rules = DunningRules(
            policy: .standard, calendar: WorkingCalendar(holidays: [try LocalDate(iso: "2026-03-10")]))
        let sent = walk(rules, from: -30, to: 40)
        #expect(sent[-10] == nil)
        #expect(sent[-9] == "before_10")
        #expect(sent[0] == "due_day")
        #expect(sent[10] == "after_10")
        // +30 is Sunday 19 April: the call waits for Monday
        #expect(sent[30] == nil && sent[31] == "call_30")
    }

    @Test func disabledKindsAndNonOwedInvoicesGetNothing() {
        let noBeforeDue = DunningRules(policy: .standard, calendar: .everyDay, enabledKinds: [.overdue])
        #expect(walk(noBeforeDue, from: -30, to: 15) == [10: "after_10"])
        for status in [InvoiceStatus.draft, .paid, .void, .writtenOff] {
            #expect(
                everyDay.stepDue(for: contacted(status), on: due.addingClamped(days: 10))
                    == nil)
        }
        #expect(
            everyDay.stepDue(for: contacted(.partiallyPaid), on: due.addingClamped(days: 10))?
                .key == "after_10")
    }

    @Test func nextStepShowsWhatComesAndWhen() throws {
        let rules = DunningRules(policy: .standard)
        let next = rules.nextStep(
            for: contacted(.open, ["before_10", "due_day"]), after: due)
        #expect(next?.step.key == "after_10")
        #expect(next?.date.iso == "2026-03-30")
        let afterCall = rules.nextStep(
            for: contacted(.open, ["call_30"]), after: due.addingClamped(days: 31))
        #expect(afterCall?.step.key == "final_45")
        #expect(afterCall?.date.iso == "2026-05-04") // +45 is Monday 4 May
    }

    @Test func policiesAreValidated() {
        #expect { try CollectionPolicy(steps: []) } throws: { ($0 as? DomainError)?.code == "invalid_policy" }
        let a = PolicyStep(key: "a", offsetDays: 1, channel: .email, tone: .friendly)
        #expect { try CollectionPolicy(steps: [a, a]) } throws: { ($0 as? DomainError)?.field == "steps" }
        #expect {
            try CollectionPolicy(steps: [PolicyStep(key: "x y", offsetDays: 1, channel: .email, tone: .firm)])
        } throws: { ($0 as? DomainError)?.field == "steps[0].key" }
        #expect {
            try CollectionPolicy(steps: [PolicyStep(key: "x", offsetDays: 400, channel: .email, tone: .firm)])
        } throws: { ($0 as? DomainError)?.field == "steps[0].offset_days" }
        let sorted = try? CollectionPolicy(steps: [
            PolicyStep(key: "late", offsetDays: 5, channel: .sms, tone: .firm),
            PolicyStep(key: "early", offsetDays: -5, channel: .email, tone: .friendly),
        ])
        #expect(sorted?.steps.map(\.key) == ["early", "late"])
        #expect(sorted?.steps.map(\.templateKey) == ["before_due", "overdue_firm"])
    }
}
