import Testing

@testable import CarteraCore

@Suite struct WorklistScoreTests {
    typealias Overdue = WorklistScore.OverdueAmount

    @Test func scoreIsMoneyTimesDaysTimesRisk() {
        // given 1 000 overdue 10 days and 500 overdue 40 days
        let overdue = [Overdue(majorUnits: 1_000, daysOverdue: 10), Overdue(majorUnits: 500, daysOverdue: 40)]
        // then money-days = 10 000 + 20 000, weighted by risk
        #expect(WorklistScore.score(overdue: overdue, risk: .low, brokenPromises: 0) == 30_000)
        #expect(WorklistScore.score(overdue: overdue, risk: .medium, brokenPromises: 0) == 60_000)
        #expect(WorklistScore.score(overdue: overdue, risk: .high, brokenPromises: 0) == 90_000)
        #expect(WorklistScore.score(overdue: overdue, risk: .high, brokenPromises: 2) == 270_000)
    }

    @Test func daysAreCappedAndNothingOverdueScoresZero() {
        let ancient = WorklistScore.score(
            overdue: [Overdue(majorUnits: 10, daysOverdue: 5_000)], risk: .low, brokenPromises: 0)
        #expect(ancient == 10 * Int64(WorklistScore.maximumDaysCounted))
        #expect(WorklistScore.score(overdue: [], risk: .high, brokenPromises: 3) == 0)
        #expect(
            WorklistScore.score(overdue: [Overdue(majorUnits: 1_000, daysOverdue: 0)], risk: .high, brokenPromises: 0)
                == 0)
    }

    @Test func hugeAmountsSaturateInsteadOfOverflowing() {
        let score = WorklistScore.score(
            overdue: [Overdue(majorUnits: .max / 2, daysOverdue: 300), Overdue(majorUnits: .max, daysOverdue: 300)],
            risk: .high, brokenPromises: 5)
        #expect(score == .max)
    }

    @Test func riskierAndLaterOutranksBiggerButFresh() {
        let fresh = WorklistScore.score(
            overdue: [Overdue(majorUnits: 3_000, daysOverdue: 2)], risk: .low, brokenPromises: 0)
        let stale = WorklistScore.score(
            overdue: [Overdue(majorUnits: 1_000, daysOverdue: 5)], risk: .medium, brokenPromises: 0)
        #expect(stale > fresh)
    }

    @Test func actionTodayComesFirstThenScore() {
        let entries = [
            WorklistEntry(customerID: "a", score: 900, needsActionToday: false),
            WorklistEntry(customerID: "b", score: 10, needsActionToday: true),
            WorklistEntry(customerID: "c", score: 5_000, needsActionToday: false),
            WorklistEntry(customerID: "d", score: 20, needsActionToday: true),
            WorklistEntry(customerID: "e", score: 900, needsActionToday: false),
        ]
        #expect(WorklistEntry.prioritised(entries).map(\.customerID) == ["d", "b", "c", "a", "e"])
    }
}

@Suite struct RiskAssessmentTests {
    func paid(_ due: String, _ paidOn: String) throws -> RiskAssessment.PaidInvoice {
        .init(dueDate: try LocalDate(iso: due), paidOn: try LocalDate(iso: paidOn))
    }

    @Test func punctualHistoryIsLowRisk() throws {
        let history = try [
            paid("2026-01-10", "2026-01-09"), paid("2026-02-10", "2026-02-10"), paid("2026-03-10", "2026-03-05"),
            paid("2026-04-10", "2026-04-12"), paid("2026-05-10", "2026-05-01"),
        ]
        let risk = RiskAssessment(paid: history, brokenPromises: 0)
        #expect(risk.level == .low) // 1 of 5 late: a fifth is still low
        #expect(risk.paidLateCount == 1)
        #expect(risk.averageDaysLate == 0) // 2 days / 5 invoices, integer mean
    }

    @Test func mostlyLateIsHighRisk() throws {
        let history = try [
            paid("2026-01-10", "2026-02-20"), paid("2026-02-10", "2026-03-01"), paid("2026-03-10", "2026-03-10"),
        ]
        let risk = RiskAssessment(paid: history, brokenPromises: 0)
        #expect(risk.level == .high)
        #expect(risk.paidLateCount == 2)
        #expect(risk.averageDaysLate == (41 + 19) / 3)
    }

    @Test func newCustomersAndSingleBrokenPromisesAreMedium() throws {
        #expect(RiskAssessment(paid: [], brokenPromises: 0).level == .medium)
        let punctual = try (1...5).map { try paid("2026-0\($0)-10", "2026-0\($0)-10") }
        #expect(RiskAssessment(paid: punctual, brokenPromises: 1).level == .medium)
        #expect(RiskAssessment(paid: punctual, brokenPromises: 2).level == .high)
        #expect(RiskAssessment(paid: punctual, brokenPromises: 0).level == .low)
    }
}
