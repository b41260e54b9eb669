import Testing

@testable import CarteraCore

@Suite struct InterestScheduleTests {
    let schedule = InterestSchedule(policy: .annualInterest(basisPoints: 2_400, legalMaximumBasisPoints: nil))
    func cop(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .cop) }
    func date(_ iso: String) throws -> LocalDate { try LocalDate(iso: iso) }

    @Test func chargesEachFinishedMonthOnTheUnpaidBalance() throws {
        let charges = schedule.charges(
            total: cop(1_000_000_00), dueDate: try date("2026-01-15"), settlements: [], before: try date("2026-03-10"))
        // January: 16 days × 1 000 000,00 × 24 % / 365 = 10 520,547… → 10 520,55; February: 28 days → 18 410,958… → 18 410,96.
        #expect(charges.map(\.periodKey) == ["2026-01", "2026-02"])
        #expect(charges.map(\.amount) == [cop(10_520_55), cop(18_410_96)])
        #expect(charges.map(\.from) == [try date("2026-01-15"), try date("2026-01-31")])
        #expect(charges.map(\.through) == [try date("2026-01-31"), try date("2026-02-28")])
    }

    @Test func aPartPaymentLowersTheBalanceFromTheNextDayAndSettlingClosesTheLastPeriod() throws {
        let settlements = [
            InterestSchedule.Settlement(on: try date("2026-02-10"), amount: cop(400_000_00)),
            InterestSchedule.Settlement(on: try date("2026-03-05"), amount: cop(600_000_00)),
        ]
        let charges = schedule.charges(
            total: cop(1_000_000_00), dueDate: try date("2026-01-15"), settlements: settlements,
            before: try date("2026-03-10"))
        // February: 10 days on 1 000 000,00 (6 575,342… → 6 575,34) + 18 days on 600 000,00 (7 101,369… → 7 101,37).
        // March: 5 days on 600 000,00 = 1 972,602… → 1 972,60, charged as soon as the invoice is settled.
        #expect(charges.map(\.amount) == [cop(10_520_55), cop(6_575_34 + 7_101_37), cop(1_972_60)])
        #expect(charges.last?.through == (try date("2026-03-05")))
        #expect(charges.map(\.openingBalance) == [cop(1_000_000_00), cop(1_000_000_00), cop(600_000_00)])
    }

    @Test func nothingBeforeAMonthEndsOrWhenPaidOnTime() throws {
        #expect(
            schedule.charges(
                total: cop(500_00), dueDate: try date("2026-01-15"), settlements: [], before: try date("2026-01-31")
            ).isEmpty)
        #expect(
            schedule.charges(
                total: cop(500_00), dueDate: try date("2026-01-15"), settlements: [], before: try date("2026-02-01")
            ).count == 1)
        let onTime = [InterestSchedule.Settlement(on: try date("2026-01-10"), amount: cop(500_00))]
        #expect(
            schedule.charges(
                total: cop(500_00), dueDate: try date("2026-01-15"), settlements: onTime, before: try date("2026-06-01")
            ).isEmpty)
        #expect(
            InterestSchedule(policy: .none).charges(
                total: cop(500_00), dueDate: try date("2026-01-15"), settlements: [], before: try date("2026-06-01")
            ).isEmpty)
    }

    @Test func earlierChargesNeverChangeAsTimePasses() throws {
        let due = try date("2026-01-20")
        let early = schedule.charges(
            total: cop(7_777_777), dueDate: due, settlements: [], before: try date("2026-03-02"))
        let later = schedule.charges(
            total: cop(7_777_777), dueDate: due, settlements: [], before: try date("2026-09-02"))
        #expect(Array(later.prefix(early.count)) == early)
        #expect(later.count == 8)
    }
}
