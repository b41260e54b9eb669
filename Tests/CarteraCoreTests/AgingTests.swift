import Testing

@testable import CarteraCore

@Suite struct AgingTests {
    @Test(arguments: [
        (0, AgingBucket.current), (-5, .current), (1, .days1To30), (30, .days1To30), (31, .days31To60),
        (60, .days31To60),
        (61, .days61To90), (90, .days61To90), (91, .over90), (400, .over90),
    ])
    func bucketLimits(daysLate: Int, bucket: AgingBucket) throws {
        let asOf = try LocalDate(iso: "2026-03-15")
        #expect(AgingBucket.bucket(dueDate: asOf.addingClamped(days: -daysLate), asOf: asOf) == bucket)
        #expect(daysPastDue(dueDate: asOf.addingClamped(days: -daysLate), asOf: asOf) == max(0, daysLate))
    }

    @Test func reportsKeepCurrenciesApartAndTotalTheirBuckets() throws {
        let asOf = try LocalDate(iso: "2026-03-15")
        let reports = try AgingReport.reports(
            asOf: asOf,
            items: [
                (Money(minorUnits: 100, currency: .usd), asOf),
                (Money(minorUnits: 1_000, currency: .cop), asOf.addingClamped(days: -10)),
                (Money(minorUnits: 2_000, currency: .cop), asOf.addingClamped(days: -100)),
                (Money(minorUnits: 3_000, currency: .cop), asOf.addingClamped(days: -12)),
            ])
        #expect(reports.map(\.currency.code) == ["COP", "USD"])
        #expect(reports[0].buckets[.days1To30]?.minorUnits == 4_000)
        #expect(reports[0].buckets[.over90]?.minorUnits == 2_000)
        #expect(reports[0].buckets[.current]?.minorUnits == 0)
        #expect(reports[0].total.minorUnits == 6_000)
        #expect(reports[1].total.minorUnits == 100)
        var report = AgingReport(asOf: asOf, currency: .cop)
        #expect { try report.add(balance: Money(minorUnits: 1, currency: .usd), dueDate: asOf) } throws: {
            ($0 as? DomainError)?.code == "currency_mismatch"
        }
        #expect(AgingBucket.allCases.sorted() == AgingBucket.allCases)
        #expect(AgingBucket.over90.maximumDaysPastDue == nil && AgingBucket.days31To60.maximumDaysPastDue == 60)
    }
}
