import Testing

@testable import CarteraCore

@Suite struct CashForecastTests {
    let asOf = try! LocalDate(iso: "2026-03-11") // a Wednesday: week 1 is Mon 9 – Sun 15 March

    func usd(_ cents: Int64, _ date: String) throws -> CashForecast.Expected {
        .init(amount: Money(minorUnits: cents, currency: .usd), date: try LocalDate(iso: date))
    }

    @Test func bucketsByISOWeekWithOverdueInTheFirst() throws {
        let open = [
            try usd(10_000, "2026-03-01"), // overdue → week 1
            try usd(25_000, "2026-03-13"), // Friday, week 1
            try usd(1, "2026-03-15"), // Sunday, still week 1
            CashForecast.Expected(
                // Monday, week 2
                amount: Money(minorUnits: 100_000, currency: .cop), date: try LocalDate(iso: "2026-03-16")),
        ]
        // last Sunday of week 13; week 14
        let instalments = [try usd(5_000, "2026-06-07"), try usd(7_000, "2026-06-08")]
        let forecast = try CashForecast(asOf: asOf, openItems: open, instalments: instalments)
        #expect(forecast.weeks.count == 13)
        #expect(forecast.weeks[0].start == (try LocalDate(iso: "2026-03-09")))
        #expect(forecast.weeks[12].start == (try LocalDate(iso: "2026-06-01")))
        #expect(forecast.weeks[0].amounts == [Money(minorUnits: 35_001, currency: .usd)]) // 10 000 + 25 000 + 1
        #expect(forecast.weeks[1].amounts == [Money(minorUnits: 100_000, currency: .cop)]) // never added to USD
        #expect(forecast.weeks[12].amount(in: .usd).minorUnits == 5_000)
        #expect(forecast.weeks[2...11].allSatisfy { $0.amounts.isEmpty })
        #expect(forecast.beyondHorizon == [Money(minorUnits: 7_000, currency: .usd)])
        #expect(try forecast.total(in: .usd).minorUnits == 40_001)
    }

    @Test func mondayStartsItsOwnWeekAndSeveralCurrenciesShareOne() throws {
        let monday = try LocalDate(iso: "2026-03-16")
        let items = [
            try usd(300, "2026-03-16"), .init(amount: Money(minorUnits: 9, currency: .eur), date: monday),
            try usd(-100, "2026-03-20"),
        ]
        let forecast = try CashForecast(asOf: monday, openItems: items, instalments: [], weeks: 2)
        #expect(forecast.weeks.map(\.start) == [monday, try monday.adding(days: 7)])
        // a credit note reduces the week's expected cash; currencies sorted by code
        #expect(
            forecast.weeks[0].amounts == [Money(minorUnits: 9, currency: .eur), Money(minorUnits: 200, currency: .usd)])
    }
}
