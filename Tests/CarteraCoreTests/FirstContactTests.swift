import Testing

@testable import CarteraCore

/// Go-live and the first contact: an old invoice, or a customer nobody wrote to yet, gets a first
/// notice instead of the policy's latest step, and the later steps count from it.
@Suite struct FirstContactTests {
    let due = try! LocalDate(iso: "2026-03-20") // a Friday
    let everyDay = DunningRules(policy: .standard, calendar: .everyDay)

    /// Walks one invoice from `start` to `start + days`, the customer in touch only when `contacted`
    /// (or once this invoice had a step), collections started on `goLive`; days relative to `start`.
    func walk(
        _ rules: DunningRules, start: LocalDate, days: Int = 120, contacted: Bool = false, goLive: LocalDate? = nil
    ) -> [(day: Int, step: PolicyStep)] {
        var done: Set<String> = []
        var firstContact: LocalDate?
        var sent: [(Int, PolicyStep)] = []
        for offset in 0...days {
            let today = start.addingClamped(days: offset)
            let facts = DunningFacts(
                dueDate: due, status: .open, stepsDone: done, firstContactOn: firstContact,
                customerEverContacted: contacted || firstContact != nil, collectionsStart: goLive ?? start)
            if let step = rules.stepDue(for: facts, on: today) {
                done.insert(step.key)
                firstContact = firstContact ?? today
                sent.append((offset, step))
            }
        }
        return sent
    }

    func keys(_ sent: [(day: Int, step: PolicyStep)]) -> [Int: String] {
        Dictionary(uniqueKeysWithValues: sent.map { ($0.day, $0.step.key) })
    }

    @Test func anInvoice200DaysOverdueAtGoLiveStartsWithAFirstNotice() {
        let goLive = due.addingClamped(days: 200)
        let expected = [0: "first_notice", 10: "after_20", 20: "call_30", 35: "final_45", 50: "letter_60"]
        // A customer nobody wrote to, and one already in touch about other invoices: the same.
        #expect(keys(walk(everyDay, start: goLive)) == expected)
        #expect(keys(walk(everyDay, start: goLive, contacted: true)) == expected)
        let first = walk(everyDay, start: goLive).first?.step
        #expect(first?.templateKey == "first_notice")
        #expect(first?.tone == .friendly && first?.channel == .email)
    }

    @Test func aNewCustomersFreshInvoiceGetsTheNormalSteps() {
        #expect(
            keys(walk(everyDay, start: due.addingClamped(days: -30), days: 150)) == [
                20: "before_10", 30: "due_day", 40: "after_10", 50: "after_20", 60: "call_30", 75: "final_45",
                90: "letter_60",
            ])
    }

    @Test func aNewCustomersInvoiceFoundLateGetsAFirstNoticeEvenAfterGoLive() {
        // Collections started long ago; a customer with no reminder ever has an invoice 35 days late.
        let goLive = due.addingClamped(days: -100)
        let sent = keys(walk(everyDay, start: due.addingClamped(days: 35), goLive: goLive))
        #expect(sent == [0: "first_notice", 10: "after_20", 20: "call_30", 35: "final_45", 50: "letter_60"])
        // …while one of a customer in touch, due after go-live, follows the policy's own catch-up.
        #expect(
            keys(walk(everyDay, start: due.addingClamped(days: 35), contacted: true, goLive: goLive)) == [
                0: "call_30", 10: "final_45", 25: "letter_60",
            ])
    }

    @Test func weekendsAndHolidaysStillMoveTheSteps() throws {
        // Go-live on Saturday 10 October; Monday 12 October and Monday 2 November are holidays.
        let rules = DunningRules(
            policy: .standard,
            calendar: WorkingCalendar(holidays: [try LocalDate(iso: "2026-10-12"), try LocalDate(iso: "2026-11-02")]))
        let goLive = try LocalDate(iso: "2026-10-10")
        let sent = walk(rules, start: goLive).map { ($0.step.key, goLive.addingClamped(days: $0.day).iso) }
        #expect(sent.map(\.0) == ["first_notice", "after_20", "call_30", "final_45", "letter_60"])
        #expect(sent.map(\.1) == ["2026-10-13", "2026-10-23", "2026-11-03", "2026-11-17", "2026-12-02"])
    }

    @Test func wordingOfEarlierNoticesOnlyFollowsARealNotice() {
        // Whatever the invoice's age at go-live (due 40 days after it … 250 days before), for a new
        // customer or one in touch: a second or final notice always comes after an earlier message,
        // and a new customer's first message is a before-due reminder or a first notice.
        let referring: Set<String> = [TemplateKey.overdueFirm.rawValue, TemplateKey.finalNotice.rawValue]
        for age in stride(from: -40, through: 250, by: 3) {
            for contacted in [false, true] {
                let sent = walk(everyDay, start: due.addingClamped(days: age), days: 200, contacted: contacted)
                if let first = sent.first?.step, !contacted {
                    #expect(
                        [TemplateKey.beforeDue.rawValue, TemplateKey.firstNotice.rawValue].contains(first.templateKey),
                        "age \(age): first message \(first.key)")
                }
                for (index, entry) in sent.enumerated() where referring.contains(entry.step.templateKey) {
                    #expect(index > 0, "age \(age): \(entry.step.key) was the first message")
                }
            }
        }
    }

    @Test func aLetterIsAFirstMessageOnlyWhenThePolicyStartsWithOne() throws {
        let policy = try CollectionPolicy(steps: [
            PolicyStep(key: "letter_15", offsetDays: 15, channel: .letter, tone: .finalNotice),
            PolicyStep(key: "call_40", offsetDays: 40, channel: .callTask, tone: .firm),
        ])
        let sent = walk(DunningRules(policy: policy, calendar: .everyDay), start: due.addingClamped(days: 90))
        #expect(sent.map(\.step.key) == ["first_notice", "call_40"])
        #expect(sent.first?.step.channel == .letter)
        #expect(sent.first?.step.templateKey == "first_notice")
        #expect(sent.map(\.day) == [0, 25])
    }

    @Test func nextStepAndTheScheduleShowTheFirstNotice() throws {
        let goLive = due.addingClamped(days: 200)
        let fresh = DunningFacts(
            dueDate: due, status: .open, firstContactOn: nil, customerEverContacted: false, collectionsStart: goLive)
        let next = everyDay.nextStep(for: fresh, after: goLive.addingClamped(days: -1))
        #expect(next?.step.key == "first_notice" && next?.date == goLive)
        let afterNotice = DunningFacts(
            dueDate: due, status: .open, stepsDone: ["first_notice"], firstContactOn: goLive,
            customerEverContacted: true, collectionsStart: goLive)
        let second = everyDay.nextStep(for: afterNotice, after: goLive)
        #expect(second?.step.key == "after_20" && second?.date == goLive.addingClamped(days: 10))

        let schedule = everyDay.schedule(
            issued: due.addingClamped(days: -30), dueDate: due, from: goLive, customerEverContacted: false,
            collectionsStart: goLive)
        #expect(
            schedule.map(\.step.key) == ["before_10", "due_day", "first_notice"] + [
                "after_10", "after_20", "call_30", "final_45", "letter_60",
            ])
        #expect(schedule.map { $0.sent.map { goLive.days(until: $0) } } == [nil, nil, 0, nil, 10, 20, 35, 50])
        #expect(schedule[4].planned == goLive.addingClamped(days: 10))
    }

    @Test func noPolicyStepMayTakeTheFirstNoticesKey() {
        #expect {
            try CollectionPolicy(steps: [PolicyStep(key: "first_notice", offsetDays: 5, channel: .email, tone: .firm)])
        } throws: { ($0 as? DomainError)?.field == "steps[0].key" }
        #expect(CollectionPolicy.standard.firstOverdueStep?.key == "after_10")
        #expect(CollectionPolicy.standard.firstNotice?.offsetDays == 10)
    }
}
