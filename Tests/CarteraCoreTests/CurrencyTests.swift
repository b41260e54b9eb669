import Testing

@testable import CarteraCore

@Suite struct CurrencyTests {
    @Test(arguments: [("COP", 2), ("CLP", 0), ("MXN", 2), ("USD", 2), ("EUR", 2), ("JPY", 0), ("KWD", 3), ("PYG", 0)])
    func minorUnitExponentsFollowISO4217(code: String, exponent: Int) throws {
        #expect(try Currency(code: code).minorUnitExponent == exponent)
    }

    @Test func codesAreCaseInsensitiveAndUnknownOnesRefused() throws {
        #expect(try Currency(code: "cop") == .cop)
        #expect(Currency.clp.minorUnitsPerMajor == 1)
        #expect(try Currency(code: "KWD").minorUnitsPerMajor == 1_000)
        for bad in ["XXX", "", "CO", "COPP", "$"] {
            #expect(throws: DomainError.self) { try Currency(code: bad) }
        }
        #expect { try Currency(code: "ABC") } throws: { ($0 as? DomainError)?.code == "unknown_currency" }
    }
}
