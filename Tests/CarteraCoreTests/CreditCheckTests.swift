import Testing

@testable import CarteraCore

@Suite struct CreditCheckTests {
    func cop(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .cop) }
    func standing(exposure: Int64, limit: Int64?, days: Int = 0, manual: String? = nil, agency: Bool = false)
        -> CreditCheck.Standing
    {
        .init(
            exposure: cop(exposure), limit: limit.map(cop), oldestDaysOverdue: days, manualHoldReason: manual,
            sentToCollection: agency)
    }

    @Test func withinLimitASaleThatFitsIsAllowed() throws {
        let decision = try CreditCheck(maximumDaysOverdue: 60).evaluate(
            standing(exposure: 700, limit: 1_000), sale: cop(300))
        #expect(decision.allowed && !decision.onHold)
        #expect(decision.availableCredit == cop(300))
    }

    @Test func aSaleBeyondTheAvailableCreditIsRefusedWithoutAHold() throws {
        let decision = try CreditCheck(maximumDaysOverdue: 60).evaluate(
            standing(exposure: 700, limit: 1_000), sale: cop(301))
        #expect(!decision.allowed && !decision.onHold)
        #expect(decision.reasons == [.saleExceedsLimit(available: cop(300))])
    }

    @Test func overLimitOrTooLateOrManualOrAgencyIsAHold() throws {
        let check = CreditCheck(maximumDaysOverdue: 60)
        #expect(
            try check.evaluate(standing(exposure: 1_001, limit: 1_000)).reasons == [
                .overLimit(exposure: cop(1_001), limit: cop(1_000))
            ])
        #expect(try check.evaluate(standing(exposure: 1_000, limit: 1_000)).onHold == false)
        #expect(
            try check.evaluate(standing(exposure: 10, limit: nil, days: 61)).reasons == [
                .overdueTooLong(days: 61, maximum: 60)
            ])
        #expect(try check.evaluate(standing(exposure: 10, limit: nil, days: 60)).allowed)
        let all = try check.evaluate(
            standing(exposure: 2_000, limit: 1_000, days: 90, manual: "cheque devuelto", agency: true), sale: cop(1))
        #expect(all.reasons.map(\.code) == ["manual_hold", "sent_to_collection", "over_limit", "overdue_too_long"])
        #expect(all.availableCredit == cop(0))
        #expect(
            try CreditCheck(maximumDaysOverdue: nil).evaluate(standing(exposure: 10, limit: nil, days: 400)).allowed)
    }
}

@Suite struct ReferenceRatesTests {
    @Test func convertsWithRoundingAcrossExponents() throws {
        let rates = try ReferenceRates(base: .cop, text: "USD=4100.5, clp = 4.25")
        #expect(
            // 100.01 × 4100.5 = 410 091.005 → half-up .01
            rates.convert(Money(minorUnits: 10_001, currency: .usd)) == Money(minorUnits: 41_009_101, currency: .cop))
        #expect(rates.convert(Money(minorUnits: 3, currency: .clp)) == Money(minorUnits: 12_75, currency: .cop))
        #expect(rates.convert(Money(minorUnits: 5, currency: .cop)) == Money(minorUnits: 5, currency: .cop))
        #expect(rates.convert(Money(minorUnits: 5, currency: .eur)) == nil)
        #expect(rates.text == "CLP=4.25,USD=4100.5")
        let clp = try ReferenceRates(base: .clp, text: "USD=950")
        // 10.50 × 950
        #expect(clp.convert(Money(minorUnits: 1_050, currency: .usd)) == Money(minorUnits: 9_975, currency: .clp))
    }

    @Test func badRatesNameTheEntry() throws {
        for text in ["USD", "USD=abc", "XYZ=1", "USD=-1", "USD=1.23456", "USD=0"] {
            #expect(throws: DomainError.self) { try ReferenceRates(base: .cop, text: text) }
        }
        #expect(try ReferenceRates(base: .cop, text: "").convert(Money(minorUnits: 1, currency: .usd)) == nil)
    }
}
