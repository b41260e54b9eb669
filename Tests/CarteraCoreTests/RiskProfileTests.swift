import Testing

@testable import CarteraCore

@Suite struct RiskProfileTests {
    let due = try! LocalDate(iso: "2026-01-10")

    /// A paid invoice `late` days after the due date (negative: early).
    func paid(_ late: Int) -> RiskProfile.PaidInvoice { .init(dueDate: due, paidOn: due.addingClamped(days: late)) }

    @Test func figuresFromTenPaidInvoices() {
        // days late 0, 0 (2 early), 0, 5, 10, 15, 20, 30, 40, 90: 7 of 10 late
        let history = [0, -2, 0, 5, 10, 15, 20, 30, 40, 90].map(paid)
        let profile = RiskProfile(paid: history, brokenPromises: 0)
        #expect(profile.paidLateCount == 7)
        #expect(profile.onTimeRateBasisPoints == 3_000) // 3 / 10
        #expect(profile.averageDaysLate == 21) // 210 / 10
        #expect(profile.p90DaysLate == 40) // rank ⌈0.9 × 10⌉ = 9 of [0,0,0,5,10,15,20,30,40,90]
        // 70 % late ≥ 50 % → high; the 90th percentile 40 > 30 adds a medium reason after it
        #expect(profile.level == .high)
        #expect(profile.reasons == [.paidLate(late: 7, of: 10, averageDays: 21), .slowestPayments(p90DaysLate: 40)])
    }

    @Test func overdueShareIsPerCurrencyAndCountsOnlyWhatIsOverThirtyDaysLate() throws {
        let asOf = try LocalDate(iso: "2026-03-15")
        let open = [
            RiskProfile.OpenInvoice(
                balance: Money(minorUnits: 60_000, currency: .usd), dueDate: asOf.addingClamped(days: -31)),
            RiskProfile.OpenInvoice(
                balance: Money(minorUnits: 40_000, currency: .usd), dueDate: asOf.addingClamped(days: -30)),
            RiskProfile.OpenInvoice(
                balance: Money(minorUnits: 9_000_000, currency: .cop), dueDate: asOf.addingClamped(days: 5)),
        ]
        let punctual = (0..<5).map { _ in paid(0) }
        let profile = RiskProfile(paid: punctual, open: open, asOf: asOf, brokenPromises: 0)
        // USD 600 of 1 000 more than 30 days overdue = 60 % (30 days exactly is not); COP 0 %: the worst currency counts, ≥ 25 % → medium
        #expect(profile.overdueShareBasisPoints == 6_000)
        #expect(profile.level == .medium)
        #expect(profile.reasons == [.overdueBalance(basisPoints: 6_000)])
        #expect(RiskProfile(paid: punctual, open: [], asOf: asOf, brokenPromises: 0).overdueShareBasisPoints == nil)
    }

    @Test func littleHistoryIsMediumButNeverHighOnLatenessAlone() {
        let late = RiskProfile(paid: [paid(45)], brokenPromises: 0)
        #expect(late.level == .medium)
        #expect(late.reasons == [.littleHistory(paid: 1, needed: 3)])
        #expect(RiskProfile(paid: [], brokenPromises: 0).onTimeRateBasisPoints == nil)
    }

    @Test func disputesAndPromisesUseConfigurableThresholds() {
        let punctual = (0..<5).map { _ in paid(-1) }
        #expect(RiskProfile(paid: punctual, brokenPromises: 0).level == .low)
        #expect(RiskProfile(paid: punctual, brokenPromises: 0).reasons.isEmpty)
        #expect(RiskProfile(paid: punctual, brokenPromises: 0, openDisputes: 3).level == .high)
        var lenient = RiskThresholds()
        lenient.highDisputes = 5
        #expect(RiskProfile(paid: punctual, brokenPromises: 0, openDisputes: 3, thresholds: lenient).level == .medium)
        // the reason that made it high comes before the one that alone would be medium
        let both = RiskProfile(paid: punctual, brokenPromises: 2, openDisputes: 1)
        #expect(both.reasons == [.brokenPromises(2), .openDisputes(1)])
    }

    @Test func assessmentKeepsItsFiguresOnTopOfTheProfile() {
        let assessment = RiskAssessment(paid: [paid(41), paid(19), paid(0)], brokenPromises: 1)
        #expect(assessment.level == .high) // 2 of 3 late
        #expect(assessment.averageDaysLate == 20)
        #expect(assessment.brokenPromises == 1)
        #expect(assessment.reasons.first == .paidLate(late: 2, of: 3, averageDays: 20))
        #expect(RiskAssessment.minimumHistory == 3)
    }

    @Test func nearestRankPercentile() {
        #expect(Percentile.nearestRank(90, of: [15, 20, 35, 40, 50]) == 50) // rank ⌈4.5⌉ = 5
        #expect(Percentile.nearestRank(40, of: [15, 20, 35, 40, 50]) == 20) // rank 2
        #expect(Percentile.nearestRank(0, of: [3, 1]) == 1)
        #expect(Percentile.nearestRank(50, of: []) == nil)
        #expect(Ratio.basisPoints(2, of: 3) == 6_667)
        #expect(Ratio.basisPoints(-1, of: 8) == -1_250)
        #expect(Ratio.scaled(1, 8, by: 4) == 1) // 0.5 rounds away from zero
    }
}
