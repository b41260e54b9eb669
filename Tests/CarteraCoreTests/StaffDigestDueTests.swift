import Testing

@testable import CarteraCore

/// The morning email's hours: from two hours before the run, on the run's own day, until the run.
@Suite struct StaffDigestDueTests {
    let calendar = WorkingCalendar()
    let friday = try! LocalDate(iso: "2026-03-13")
    let saturday = try! LocalDate(iso: "2026-03-14")

    func due(_ day: LocalDate, hour: Int, reminderHour: Int = 8, pausedUntil: LocalDate? = nil) -> StaffDigestDue? {
        let next = NextRun.after(
            today: day, localHour: hour, reminderHour: reminderHour, calendar: calendar, pausedUntil: pausedUntil)
        return StaffDigestDue.on(
            day, localHour: hour, next: next, pausedUntil: pausedUntil.flatMap { $0 > day ? $0 : nil },
            calendar: calendar)
    }

    @Test("two hours before the run, never before midnight")
    func theHour() {
        #expect(StaffDigestDue.hour(reminderHour: 8) == 6)
        #expect(StaffDigestDue.hour(reminderHour: 1) == 0)
        #expect(StaffDigestDue.hour(reminderHour: 0) == 0)
    }

    @Test("a run day: from 6:00 until the 8:00 run, not before and not after")
    func aRunDay() {
        #expect(due(friday, hour: 5) == nil)
        #expect(due(friday, hour: 6) == .planned)
        #expect(due(friday, hour: 7) == .planned)
        #expect(due(friday, hour: 8) == nil, "the run has started: nothing left to announce")
        #expect(due(friday, hour: 12, reminderHour: 13) == .planned, "the organisation's own hour")
    }

    @Test("no run on a weekend, so no email")
    func aWeekend() {
        #expect(due(saturday, hour: 7) == nil)
    }

    @Test("paused: a working day says until when, a weekend says nothing")
    func paused() throws {
        let monday = try LocalDate(iso: "2026-03-16")
        #expect(due(friday, hour: 7, pausedUntil: monday) == .paused(until: monday))
        #expect(due(friday, hour: 10, pausedUntil: monday) == .paused(until: monday))
        #expect(due(friday, hour: 5, pausedUntil: monday) == nil)
        #expect(due(saturday, hour: 7, pausedUntil: monday) == nil)
        #expect(due(monday, hour: 7, pausedUntil: monday) == .planned, "the resume day is a run day")
    }
}
