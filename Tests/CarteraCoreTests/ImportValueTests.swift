import Testing

@testable import CarteraCore

@Suite struct ImportValueTests {
    func amount(_ text: String, _ currency: Currency = .cop, _ decimal: CSVStatementLayout.DecimalMark? = nil)
        throws(ImportAmount.Failure) -> Int64
    {
        try ImportAmount.parse(text, currency: currency, decimal: decimal).minorUnits
    }

    @Test func amountsInEveryWrittenForm() throws {
        #expect(try amount("1.234,56", .cop, .comma) == 123_456)
        #expect(try amount("1,234.56", .cop, .point) == 123_456)
        #expect(try amount("1234") == 123_400)
        #expect(try amount("-1.234,56", .cop, .comma) == -123_456)
        #expect(try amount("(1,234.56)", .usd, .point) == -123_456)
        #expect(try amount("$ 1.234.567", .cop, .comma) == 123_456_700)
        #expect(try amount("€1.234,5", .eur, .comma) == 123_450)
        #expect(try amount("1\u{00A0}234,56", .eur, .comma) == 123_456) // no-break space grouping
        #expect(try amount("COP 1.500", .cop, .comma) == 150_000)
        #expect(try amount("-$500.00", .usd, .point) == -50_000)
        #expect(try amount("1.234,56-", .cop, .comma) == -123_456)
        #expect(try amount("150.000,00", .clp, .comma) == 150_000) // zeros past CLP's 0 decimals are exact
    }

    @Test func amountsThatAreRefused() throws {
        #expect(throws: ImportAmount.Failure.tooManyDecimals) { try amount("150.000,50", .clp, .comma) }
        #expect(throws: ImportAmount.Failure.tooManyDecimals) { try amount("12.345", .cop, .point) }
        #expect(throws: ImportAmount.Failure.notANumber) { try amount("1,234.56", .cop, .comma) }
        #expect(throws: ImportAmount.Failure.notANumber) { try amount("12,34.5", .cop, .point) } // groups of three
        #expect(throws: ImportAmount.Failure.notANumber) { try amount("doce mil") }
        // another currency's code
        #expect(throws: ImportAmount.Failure.notANumber) { try amount("USD 10", .cop, .point) }
        #expect(throws: ImportAmount.Failure.notANumber) { try amount("-(5)", .cop, .point) }
        #expect(throws: ImportAmount.Failure.ambiguous) { try amount("1.234") }
        #expect(throws: ImportAmount.Failure.tooLarge) { try amount("99999999999999999999") } // past Int64
        #expect(throws: ImportAmount.Failure.tooLarge) { try amount("92233720368547758.08", .cop, .point) }
        // past Money.limit
        #expect(throws: ImportAmount.Failure.tooLarge) { try amount("10.000.000.000.000,01", .cop, .comma) }
        #expect(try amount("10.000.000.000.000,00", .cop, .comma) == Money.limit)
    }

    @Test func amountsShowTheirDecimalMarkOrNot() throws {
        #expect(ImportAmount.evidence("1.234,56") == .comma)
        #expect(ImportAmount.evidence("1,234.56") == .point)
        #expect(ImportAmount.evidence("1.234.567") == .comma)
        #expect(ImportAmount.evidence("1,234,567") == .point)
        #expect(ImportAmount.evidence("12,5") == .comma)
        #expect(ImportAmount.evidence("0.500") == .point)
        #expect(ImportAmount.evidence("1234.567") == .point)
        #expect(ImportAmount.evidence("1.234") == nil)
        #expect(ImportAmount.evidence("1234") == nil)
        // Unambiguous values parse with no decimal mark chosen.
        #expect(try amount("1.234,56") == 123_456)
    }

    @Test func datesInEveryWrittenForm() throws {
        let newYearsEve = DateText.Reading.date(try ImportSamples.date("2026-12-31"))
        for text in [
            "2026-12-31", "31/12/2026", "31-12-2026", "31.12.2026", "31/12/26", "31 Dec 2026", "31-dic-2026",
            "31 de diciembre de 2026", "Dec 31, 2026", "2026/12/31", "31/12/2026 0:00", "2026-12-31T00:00:00",
        ] {
            #expect(DateText.read(text, order: nil) == newYearsEve, "\(text)")
        }
        #expect(DateText.read("12/31/2026", order: nil) == newYearsEve)
        #expect(DateText.read("12/31/2026", order: .monthDayYear) == newYearsEve)
        #expect(DateText.read("05/05/2026", order: nil) == .date(try ImportSamples.date("2026-05-05")))
    }

    @Test func dayAndMonthOrderComesFromTheLocaleOrTheFile() throws {
        #expect(DateText.read("05/06/2026", order: nil) == .ambiguous)
        #expect(DateText.read("05/06/2026", order: .dayMonthYear) == .date(try ImportSamples.date("2026-06-05")))
        #expect(DateText.read("05/06/2026", order: .monthDayYear) == .date(try ImportSamples.date("2026-05-06")))
        #expect(DateText.read("12/31/2026", order: .dayMonthYear) == .invalid) // the chosen order is kept
        #expect(DateText.read("31/12/2026", order: .iso) == .invalid)
        #expect(DateText.evidence("31/12/2026") == .dayMonthYear)
        #expect(DateText.evidence("12/31/2026") == .monthDayYear)
        #expect(DateText.evidence("05/06/2026") == nil)
        #expect(DateText.evidence("2026-12-31") == nil)
    }

    @Test func datesThatAreRefused() {
        for text in ["2026-02-30", "31/31/2026", "tomorrow", "2026-12", "32 Dec 2026", "31 Foo 2026", "1/2/3", ""] {
            #expect(DateText.read(text, order: .dayMonthYear) == .invalid, "\(text)")
        }
    }
}
