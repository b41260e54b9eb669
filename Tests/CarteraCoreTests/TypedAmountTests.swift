import Testing

@testable import CarteraCore

/// Amounts as people type them (the portal's own cases are in PortalLimitsTests).
@Suite struct TypedAmountTests {
    @Test func theWireFormOfWhatWasTypedForAFormWhoseCurrencyTheServiceSettles() throws {
        func wire(_ text: String, _ decimal: Character = ",") -> String? {
            try? TypedAmount.wireDecimal(text, decimal: decimal)
        }
        #expect(wire("1.500.000,50") == "1500000.5")
        #expect(wire("$ 1.500.000") == "1500000")
        #expect(wire("1,500,000.50", ".") == "1500000.5")
        #expect(wire("15.000.000") == "15000000")
        #expect(wire("$ 15.000.000,00") == "15000000")
        #expect(wire("3.170.588,24") == "3170588.24")
        #expect(wire("COP 2.000") == "2000")
        #expect(wire("2.000 EUR") == "2000")
        #expect(wire("1.234,5 €") == "1234.5")
        #expect(wire("1234.56") == "1234.56")
        // More decimals than any currency has are passed on: the service refuses them for its currency.
        #expect(wire("1,555") == "1555")
        #expect(wire("1,5555") == "1.5555")
        for refused in ["", "abc", "-5", "1.50.000", "1,500.000,00", "1e5", "0x10", "99999999999999999999", "$"] {
            #expect(wire(refused) == nil, "\(refused)")
        }
        #expect(throws: TypedAmount.Failure.tooLarge) {
            try TypedAmount.wireDecimal("9999999999999999999", decimal: ",")
        }
        #expect(throws: TypedAmount.Failure.notAnAmount) {
            try TypedAmount.wireDecimal(String(repeating: "1", count: 41), decimal: ",")
        }
    }

    @Test func aKnownCurrencyDecidesTheDecimals() throws {
        let cop = try Currency(code: "COP")
        let clp = try Currency(code: "CLP")
        #expect(try TypedAmount.parse("1.500.000,50", currency: cop, decimal: ",").minorUnits == 150_000_050)
        #expect(try TypedAmount.parse("1.500", currency: clp, decimal: ",").minorUnits == 1_500)
        #expect(throws: TypedAmount.Failure.tooManyDecimals) {
            try TypedAmount.parse("1,5", currency: clp, decimal: ",")
        }
    }
}
