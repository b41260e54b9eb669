import Testing

@testable import CarteraCore

@Suite struct QuantityTests {
    @Test func parsesUpToThreeDecimals() throws {
        #expect(try Quantity(decimalString: "2").milli == 2_000)
        #expect(try Quantity(decimalString: "1.5").milli == 1_500)
        #expect(try Quantity(decimalString: "0.125").milli == 125)
        #expect(try Quantity(decimalString: "1.500").description == "1.5")
        for bad in ["0", "-1", "1.2345", "1,5", "", "abc", "1.", ".5"] {
            #expect { try Quantity(decimalString: bad) } throws: { ($0 as? DomainError)?.code == "invalid_quantity" }
        }
    }

    @Test func extendsRoundingHalfUpToTheMinorUnit() throws {
        let price = Money(minorUnits: 1_000_001, currency: .cop) // 10,000.01
        #expect(try Quantity(decimalString: "1.5").extend(price).minorUnits == 1_500_002) // 15,000.015 → 15,000.02
        #expect(
            try Quantity(decimalString: "3").extend(Money(minorUnits: 3_250_050, currency: .cop)).minorUnits
                == 9_750_150)
        #expect(try Quantity(decimalString: "0.333").extend(Money(minorUnits: 100, currency: .clp)).minorUnits == 33)
        #expect(throws: DomainError.self) {
            try Quantity(decimalString: "999999999999").extend(Money(minorUnits: .max / 2, currency: .cop))
        }
    }
}
