import Testing

@testable import CarteraCore

@Suite struct InstalmentScheduleTests {
    let cop = Currency.cop
    func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .cop) }
    func date(_ iso: String) throws -> LocalDate { try LocalDate(iso: iso) }

    @Test func equalMonthlyInstalmentsAddUpAndClampToMonthEnd() throws {
        let plan = try InstalmentSchedule.equal(
            total: money(100_000_00), count: 3, firstDue: try date("2026-01-31"), spacing: .monthly)
        #expect(plan.map(\.amount.minorUnits) == [33_333_34, 33_333_33, 33_333_33])
        #expect(plan.map(\.dueDate.iso) == ["2026-01-31", "2026-02-28", "2026-03-31"])
        #expect(plan.map(\.number) == [1, 2, 3])
    }

    @Test func downPaymentComesFirst() throws {
        let plan = try InstalmentSchedule.equal(
            total: money(1_000), count: 2, firstDue: try date("2026-05-01"), spacing: .everyDays(15),
            downPayment: money(400), downPaymentDue: try date("2026-04-20"))
        #expect(plan.map(\.amount.minorUnits) == [400, 300, 300])
        #expect(plan.map(\.dueDate.iso) == ["2026-04-20", "2026-05-01", "2026-05-16"])
    }

    @Test func propertyAnySplitSumsExactly() throws {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<500 {
            let total = money(Int64.random(in: 1...9_999_999_999, using: &generator))
            let count = Int.random(in: 1...24, using: &generator)
            guard total.minorUnits >= Int64(count) else { continue }
            let plan = try InstalmentSchedule.equal(
                total: total, count: count, firstDue: try date("2026-06-15"), spacing: .monthly)
            #expect(try Money.sum(plan.map(\.amount), currency: cop) == total)
            #expect(plan.count == count)
        }
    }

    @Test func badPlansAreRefusedWithTheField() throws {
        let first = try date("2026-05-01")
        #expect {
            try InstalmentSchedule.equal(total: money(100), count: 0, firstDue: first, spacing: .monthly)
        } throws: { ($0 as? DomainError)?.field == "instalments" }
        #expect {
            try InstalmentSchedule.equal(
                total: money(100), count: 2, firstDue: first, spacing: .monthly, downPayment: money(100))
        } throws: { ($0 as? DomainError)?.field == "down_payment" }
        #expect {
            try InstalmentSchedule.equal(total: money(0), count: 2, firstDue: first, spacing: .monthly)
        } throws: { ($0 as? DomainError)?.code == "nothing_to_plan" }
        #expect {
            try InstalmentSchedule.custom(
                total: money(100), parts: [(first, money(60)), (first.adding(days: 30), money(30))])
        } throws: {
            ($0 as? DomainError)?.code == "instalments_do_not_add_up"
        }
        #expect {
            try InstalmentSchedule.custom(total: money(100), parts: [(first, money(60)), (first, money(40))])
        } throws: { ($0 as? DomainError)?.field == "instalments[1].due_date" }
        #expect {
            try InstalmentSchedule.custom(
                total: money(100), parts: [(first, money(110)), (first.adding(days: 1), money(-10))])
        } throws: { ($0 as? DomainError)?.field == "instalments[1].amount" }
    }

    @Test func paymentsFillInstalmentsInOrderAndLateOnesAreMissed() throws {
        let plan = try InstalmentSchedule.equal(
            total: money(900), count: 3, firstDue: try date("2026-05-01"), spacing: .monthly)
        let standing = InstalmentSchedule.standing(of: plan, paidSoFar: money(450), asOf: try date("2026-06-02"))
        #expect(standing.map(\.state) == [.paid, .missed, .pending])
        #expect(standing.map(\.paid.minorUnits) == [300, 150, 0])
        let onTime = InstalmentSchedule.standing(of: plan, paidSoFar: money(600), asOf: try date("2026-06-01"))
        #expect(onTime.map(\.state) == [.paid, .paid, .pending])
    }
}
