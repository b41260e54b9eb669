import Testing

@testable import CarteraCore

/// The policy page's timeline: the day each step would go, by the daily run's own rule.
@Suite struct DunningScheduleTests {
    let issued = try! LocalDate(iso: "2026-02-18")
    let due = try! LocalDate(iso: "2026-03-20") // a Friday

    @Test func everyDayEachStepGoesOnItsPlannedDay() {
        let schedule = DunningRules(policy: .standard, calendar: .everyDay).schedule(issued: issued, dueDate: due)
        #expect(schedule.map(\.step.key) == CollectionPolicy.standard.steps.map(\.key))
        #expect(schedule.allSatisfy { $0.sent == $0.planned })
        #expect(schedule.first?.sent == (try? LocalDate(iso: "2026-03-10")))
    }

    @Test func aWeekendStepMovesToTheNextWorkingDay() throws {
        // 10 days after a Friday is a Monday; 9 days after is a Sunday, sent on Monday.
        let policy = try CollectionPolicy(steps: [PolicyStep(key: "a", offsetDays: 9, channel: .email, tone: .firm)])
        let schedule = DunningRules(policy: policy).schedule(issued: issued, dueDate: due)
        #expect(schedule.first?.planned == (try LocalDate(iso: "2026-03-29")))
        #expect(schedule.first?.sent == (try LocalDate(iso: "2026-03-30")))
    }

    @Test func twoStepsOnOneWeekendSendOnlyTheLater() throws {
        let policy = try CollectionPolicy(steps: [
            PolicyStep(key: "sat", offsetDays: 8, channel: .email, tone: .friendly),
            PolicyStep(key: "sun", offsetDays: 9, channel: .email, tone: .firm),
        ])
        let schedule = DunningRules(policy: policy).schedule(issued: issued, dueDate: due)
        #expect(schedule.map(\.sent) == [nil, try LocalDate(iso: "2026-03-30")])
    }

    @Test func aSwitchedOffKindIsNeverSent() {
        let rules = DunningRules(policy: .standard, calendar: .everyDay, enabledKinds: [.overdue])
        let schedule = rules.schedule(issued: issued, dueDate: due)
        #expect(schedule.filter { $0.sent == nil }.map(\.step.key) == ["before_10", "due_day"])
    }

    @Test func newStepKeysAreFree() {
        #expect(CollectionPolicy.newStepKey(offsetDays: -5, taken: []) == "before_5")
        #expect(CollectionPolicy.newStepKey(offsetDays: 0, taken: ["due_day"]) == "due_day_2")
        #expect(CollectionPolicy.newStepKey(offsetDays: Int.min, taken: []).hasPrefix("before_"))
    }
}
