import Testing

@testable import CarteraCore

@Suite struct CollectionMetricsTests {
    func usd(_ major: Int64) -> Money { Money(minorUnits: major * 100, currency: .usd) }
    var quarter: [CollectionMetrics.Period] {
        [
            .init(creditSales: usd(100_000), days: 31), .init(creditSales: usd(80_000), days: 28),
            .init(creditSales: usd(120_000), days: 31),
        ]
    }

    @Test func countbackDSO() throws {
        // 250 000 − 100 000 (31 d) − 80 000 (28 d) leaves 70 000 of January's 120 000: 70/120 × 31 = 18.08 d
        // 31 + 28 + 18.08 = 77.08 → 77.1 days
        let dso = try CollectionMetrics.countbackDSO(receivables: usd(250_000), periods: quarter)
        #expect(dso == .init(tenthsOfDays: 771, historyExhausted: false))
        // a balance inside the latest month: 50 000 / 100 000 × 31 = 15.5 days
        #expect(try CollectionMetrics.countbackDSO(receivables: usd(50_000), periods: quarter).tenthsOfDays == 155)
        // more owed than three months of sales: all 90 days, flagged as a lower bound
        #expect(
            try CollectionMetrics.countbackDSO(receivables: usd(500_000), periods: quarter)
                == .init(tenthsOfDays: 900, historyExhausted: true))
        #expect(throws: DomainError.self) {
            try CollectionMetrics.countbackDSO(receivables: Money(minorUnits: 1, currency: .eur), periods: quarter)
        }
    }

    @Test func collectionEffectivenessAndBestPossibleDSO() throws {
        // (200 000 + 300 000 − 250 000) / (200 000 + 300 000 − 150 000) = 250/350 = 71.43 %
        let cei = try CollectionMetrics.collectionEffectivenessIndex(
            beginning: usd(200_000), creditSales: usd(300_000),
            endingTotal: usd(250_000), endingCurrent: usd(150_000))
        #expect(cei == 7_143)
        // 150 000 current / 300 000 sales × 90 days = 45.0 days
        #expect(
            try CollectionMetrics.bestPossibleDSO(currentReceivables: usd(150_000), creditSales: usd(300_000), days: 90)
                == 450)
        #expect(try CollectionMetrics.bestPossibleDSO(currentReceivables: usd(1), creditSales: usd(0), days: 90) == nil)
    }

    @Test func promisesDisputesAndReminderSteps() throws {
        #expect(CollectionActivity.promisesKeptBasisPoints(kept: 7, broken: 2) == 7_778) // 7/9 = 77.78 %
        #expect(CollectionActivity.promisesKeptBasisPoints(kept: 0, broken: 0) == nil)

        let asOf = try LocalDate(iso: "2026-03-31")
        let opened = try ["2026-03-01", "2026-03-21", "2026-03-30"].map(LocalDate.init(iso:))
        // ages 30, 10 and 1 days: 41 / 3 = 13.67 → 13.7 days
        #expect(
            CollectionActivity.disputeAge(openedOn: opened, asOf: asOf) == .init(open: 3, averageAgeTenthsOfDays: 137))
        #expect(CollectionActivity.disputeAge(openedOn: [], asOf: asOf).averageAgeTenthsOfDays == nil)

        func reminder(_ step: Int, _ sent: String, _ paid: String?) throws -> CollectionActivity.Reminder {
            .init(step: step, sentOn: try LocalDate(iso: sent), invoicePaidOn: try paid.map(LocalDate.init(iso:)))
        }
        let reminders = [
            try reminder(2, "2026-03-10", "2026-03-17"), // 7 days later: counts
            try reminder(1, "2026-03-01", "2026-03-05"), // 4 days: counts
            try reminder(1, "2026-03-01", "2026-03-20"), // 19 days: too late
            try reminder(1, "2026-03-02", nil), // unpaid
            try reminder(2, "2026-03-10", "2026-03-09"), // paid before the reminder went out
        ]
        let steps = CollectionActivity.reminderEffectiveness(reminders, withinDays: 7)
        #expect(steps.map(\.step) == [1, 2])
        #expect(steps.map(\.sent) == [3, 2])
        #expect(steps.map(\.paidWithin) == [1, 1])
        #expect(steps.map(\.paidWithinBasisPoints) == [3_333, 5_000])
    }
}
