import Foundation
import Testing

@testable import CarteraCore

@Suite struct MT940StatementTests {
    func date(_ iso: String) throws -> LocalDate { try LocalDate(iso: iso) }

    func eur(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .eur) }

    /// The wrapped sample with the first occurrence of `old` replaced, to break one field at a time.
    func sample(replacing old: String, with new: String) throws -> String {
        let text = MT940StatementSamples.wrapped
        let range = try #require(text.range(of: old))
        return text.replacingCharacters(in: range, with: new)
    }

    func error(_ text: String) -> StatementFormatError? {
        #expect(throws: StatementFormatError.self) { try MT940Parser.parse(text) }
    }

    @Test func wrappedExportWithTwoMessages() throws {
        let statements = try MT940Parser.parse(MT940StatementSamples.wrapped)
        try #require(statements.count == 2)
        let first = statements[0]
        #expect(first.account == "0532013000") // "BLZ/account"
        #expect(first.statementID == "STARTUMSE/00001/001")
        #expect(first.currency == .eur)
        #expect(first.openingBalance == eur(1_000_000))
        #expect(first.closingBalance == eur(1_185_550))
        #expect(first.lines.map(\.amount.minorUnits) == [150_000, 25_050, -7_500, -12_000, 30_000])
        #expect(
            try first.openingBalance!.adding(Money.sum(first.lines.map(\.amount), currency: .eur))
                == first.closingBalance)
        #expect(
            first.lines.map(\.bankReference) == [
                "B5L0102A001", "B5L0102A002", "B5L0102A003", "B5L0102A004", "B5L0102A005",
            ])

        let second = statements[1]
        #expect(second.statementID == "STARTUMSE/00002/001")
        #expect(second.openingBalance == eur(1_185_550))
        #expect(second.closingBalance == eur(1_285_550))
        try #require(second.lines.count == 1)
        // A full 65-character line was cut mid-word by the bank and is glued back without a space.
        #expect(
            second.lines[0].remittanceText
                == "TRANSFERENCIA RECIBIDA DE COMERCIALIZADORA DEL PACIFICO LTDA FACTURA F-2026-0060")
        #expect(second.lines[0].endToEndID == nil) // NONREF
    }

    @Test func entryDateWrapsIntoTheNextYearAndFreeTextSpansLines() throws {
        let line = try MT940Parser.parse(MT940StatementSamples.wrapped)[0].lines[0]
        #expect(line.valueDate == (try date("2025-12-31")))
        #expect(line.bookingDate == (try date("2026-01-02")))
        #expect(line.endToEndID == "E2E-INV-0042")
        #expect(line.remittanceText == "Pago factura F-2026-0042 Distribuidora Andina S.A.S. NIT 900123456")
        #expect(line.counterpartyName == nil)
    }

    @Test func structuredGVCInformationIsSplitIntoTextPayerAndAccount() throws {
        let line = try MT940Parser.parse(MT940StatementSamples.wrapped)[0].lines[1]
        #expect(line.amount == eur(25_050))
        #expect(line.remittanceText == "EREF+E2E-F-2026-0051 SVWZ+RECHNUNG F-2026-0051 VOM 15.12.2025")
        #expect(line.counterpartyName == "MUSTERMANN HANDELSGESELLSCHAFT MBH")
        #expect(line.counterpartyAccount == "DE89370400440532013000")
        // :61: says NONREF; the SEPA end-to-end id is in the EREF+ of the purpose.
        #expect(line.endToEndID == "E2E-F-2026-0051")
    }

    @Test func structuredInformationUsesContinuationSubfieldsAndKeepsStrayQuestionMarks() throws {
        let text = """
            :20:X
            :25:DE02120300000000202051
            :60F:C260301EUR0,
            :61:260302D850,00NDDTNONREF
            :86:105?00DAUERAUFTRAG?20KREF+ABO-7?21SVWZ+MIETE MAERZ ?29FLAT 3?60Q1/2026 ?ok
            ?31DE02120300000000202051?32IMMOBILIEN MEYER KG
            :61:260302C10,00NTRFNONREF
            :86:166?20EREF+NOTPROVIDED?21SVWZ+F-77
            :62F:D260302EUR840,00
            """
        let lines = try MT940Parser.parse(text)[0].lines
        #expect(lines[0].remittanceText == "KREF+ABO-7 SVWZ+MIETE MAERZ FLAT 3 Q1/2026 ?ok")
        #expect(lines[0].counterpartyName == "IMMOBILIEN MEYER KG")
        #expect(lines[0].endToEndID == nil)
        #expect(lines[0].bankReference == nil) // no "//" part
        #expect(lines[1].remittanceText == "EREF+NOTPROVIDED SVWZ+F-77")
        #expect(lines[1].endToEndID == nil)
    }

    @Test func reversalsDebitsAndSupplementaryDetails() throws {
        let lines = try MT940Parser.parse(MT940StatementSamples.wrapped)[0].lines
        let reversal = lines[2]
        #expect(reversal.amount == eur(-7_500)) // RC: a credit taken back
        #expect(!reversal.isCredit)
        #expect(reversal.remittanceText == "RUECKBUCHUNG GUTSCHRIFT VOM 30.12.2025")
        #expect(lines[3].amount == eur(-12_000))
        #expect(lines[3].endToEndID == nil)
        #expect(lines[4].endToEndID == "INV-0077")
        #expect(lines[4].remittanceText == "/OCMT/EUR300,00/") // no :86:, so the supplementary details
        let account = "0532013000"
        #expect(lines[2].identity(account: account) != lines[3].identity(account: account))
        #expect(Set(lines.map { $0.identity(account: account) }).count == lines.count)
    }

    @Test func lineEndingsDoNotMatter() throws {
        let lf = try MT940Parser.parse(MT940StatementSamples.wrapped)
        let crlf = try MT940Parser.parse(MT940StatementSamples.wrapped.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(crlf == lf)
        #expect(crlf[0].lines[1].counterpartyName == "MUSTERMANN HANDELSGESELLSCHAFT MBH")
        #expect(try MT940Parser.parse("\u{FEFF}" + MT940StatementSamples.bare).count == 1)
    }

    @Test func bareExportWithFundsCodeAndDebitBalances() throws {
        let statements = try MT940Parser.parse(MT940StatementSamples.bare)
        try #require(statements.count == 1)
        let statement = statements[0]
        #expect(statement.account == "ES9121000418450200051332")
        #expect(statement.statementID == "940S260331/88")
        #expect(statement.openingBalance == eur(-25_000))
        #expect(statement.closingBalance == eur(-55_000))
        try #require(statement.lines.count == 1)
        let line = statement.lines[0]
        #expect(line.amount == eur(-30_000))
        #expect(line.bookingDate == (try date("2026-03-31")))
        #expect(line.endToEndID == "20260331-77")
        #expect(line.bankReference == "0331XZ9")
        // The :86: after :62F: describes the statement, not the last line.
        #expect(line.remittanceText == "PAGO NOMINA MARZO")
    }

    @Test func malformedFieldsNameTheirLineAndTag() throws {
        let badDate = try sample(replacing: ":61:2601020102RC75,00", with: ":61:2613020102RC75,00")
        #expect(
            error(badDate)
                == StatementFormatError(line: 13, field: ":61:", message: "\"261302\" is not a date as YYMMDD"))

        let badEntryDate = try sample(replacing: ":61:2601020102RC75,00", with: ":61:2601020230RC75,00")
        #expect(error(badEntryDate)?.line == 13)

        let badAmount = try sample(replacing: "C1500,00NTRF", with: "C1500,00,0NTRF")
        #expect(
            error(badAmount) == StatementFormatError(line: 6, field: ":61:", message: "\"1500,00,0\" is not an amount"))

        let tooPrecise = try sample(replacing: "C1500,00NTRF", with: "C1500,001NTRF")
        let precision = error(tooPrecise)
        #expect(precision?.line == 6)
        #expect(precision?.message.contains("at most 2 decimals") == true)

        let badMark = try sample(replacing: "D120,00NCHG", with: "X120,00NCHG")
        #expect(error(badMark)?.line == 15)

        let badType = try sample(replacing: "D120,00NCHG", with: "D120,00XCHG")
        #expect(
            error(badType)
                == StatementFormatError(
                    line: 15, field: ":61:", message: "\"XCHG\" is not a transaction type such as NTRF"))

        let badCurrency = try sample(replacing: ":60F:C251231EUR", with: ":60F:C251231XYZ")
        #expect(
            error(badCurrency)
                == StatementFormatError(line: 5, field: ":60F:", message: "\"XYZ\" is not a supported currency"))

        let mixedCurrency = try sample(replacing: ":62F:C260102EUR", with: ":62F:C260102USD")
        #expect(error(mixedCurrency)?.field == ":62F:")

        let noAccount = try sample(replacing: ":25:37040044/0532013000\n", with: "")
        #expect(
            error(noAccount)
                == StatementFormatError(line: 2, field: ":25:", message: "the statement has no account identification"))

        #expect(error("just some text\n")?.line == 1)
        #expect(error("")?.field == ":20:")
        #expect(error(":25:123\n:20:X\n")?.field == ":25:")
    }
}
