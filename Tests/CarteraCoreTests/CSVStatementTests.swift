import Foundation
import Testing

@testable import CarteraCore

@Suite struct CSVStatementTests {
    func date(_ iso: String) throws -> LocalDate { try LocalDate(iso: iso) }

    func error(_ text: String, _ layout: CSVStatementLayout = .generic) -> StatementFormatError? {
        #expect(throws: StatementFormatError.self) {
            try CSVStatementParser.parse(text, layout: layout, account: "CO-1")
        }
    }

    @Test func genericLayoutWithBOMQuotesAndBlankLines() throws {
        let statement = try CSVStatementParser.parse(
            CSVStatementSamples.generic, layout: .generic, account: "69812345678")
        #expect(statement.account == "69812345678")
        #expect(statement.statementID == "")
        #expect(statement.currency == .cop)
        #expect(statement.openingBalance == nil && statement.closingBalance == nil)
        let lines = statement.lines
        #expect(lines.map(\.amount.minorUnits) == [125_000_000, -4_500_050, 30_000_000, 30_000_000])
        #expect(
            lines.map(\.bookingDate) == [
                try date("2026-03-02"), try date("2026-03-03"), try date("2026-03-05"), try date("2026-03-05"),
            ])
        #expect(lines.allSatisfy { $0.valueDate == nil && $0.bankReference == nil && $0.amount.currency == .cop })
        #expect(lines[0].remittanceText == "Factura FV-2026-118, abono") // the delimiter inside quotes
        #expect(lines[0].counterpartyName == "Inversiones El Dorado S.A.S.")
        #expect(lines[1].counterpartyName == nil) // empty column
        #expect(lines[2].remittanceText == "Pago \"urgente\" FV-2026-121\nsegunda linea")
        #expect(lines[2].counterpartyName == "Drogueria Alemana")
        // Same day, payer and amount: only the reference tells the two payments apart.
        #expect(lines[2].identity(account: statement.account) != lines[3].identity(account: statement.account))
    }

    @Test func spanishBankPresetWithGroupedCommaDecimals() throws {
        let lines = try CSVStatementParser.parse(CSVStatementSamples.spanishBank, layout: .spanishBank, account: "CO-1")
            .lines
        #expect(lines.map(\.amount.minorUnits) == [123_456_789, -1_250_000, 250_000_000])
        #expect(lines.map(\.bookingDate) == [try date("2026-03-31"), try date("2026-03-31"), try date("2026-04-01")])
        #expect(lines[0].remittanceText == "PAGO FV-2026-130; CUOTA 1/2")
        #expect(lines[0].counterpartyName == "Almacenes Exito S.A.")
        #expect(lines[1].remittanceText == "GMF 4X1000")
        #expect(lines[2].counterpartyName == "Cooperativa Lechera")
    }

    @Test func splitCreditDebitColumnsByIndexWithoutHeader() throws {
        var layout = CSVStatementLayout(
            delimiter: ";", hasHeader: false, date: 0, amount: .split(credit: 3, debit: 2), reference: 1,
            payerName: nil, bankReference: 4, dateFormat: .dayMonthYear, decimal: .comma, currency: .cop)
        let lines = try CSVStatementParser.parse(CSVStatementSamples.splitColumns, layout: layout, account: "CO-1")
            .lines
        #expect(lines.map(\.amount.minorUnits) == [25_000_000, -8_000_000])
        #expect(lines.map(\.bankReference) == ["8812001", "8812002"])
        #expect(lines.map(\.remittanceText) == ["ABONO FV-2026-140", "PAGO PROVEEDOR"])
        #expect(lines[1].identity(account: "CO-1") == "CO-1|ref|8812002")

        #expect(
            error("15/03/2026;X;10,00;20,00;R1\n", layout)
                == StatementFormatError(
                    line: 1, field: "credit", message: "both the credit and the debit column have an amount"))
        #expect(error("15/03/2026;X;;;R1\n", layout)?.field == "credit")

        layout.dateFormat = .monthDayYear
        let american = try CSVStatementParser.parse("3/15/2026;ABONO;;1.000,00;R9\n", layout: layout, account: "CO-1")
        #expect(american.lines[0].bookingDate == (try date("2026-03-15")))
    }

    @Test func zeroDecimalCurrencyAcceptsPaddingButNotFractions() throws {
        var layout = CSVStatementLayout.spanishBank
        layout.currency = .clp
        let header = "Fecha;Importe;Concepto;Ordenante\n"
        let statement = try CSVStatementParser.parse(
            header + "02/03/2026;150.000,00;FACT 3391;Patagonia SpA\n", layout: layout, account: "CL-1")
        #expect(statement.lines[0].amount == Money(minorUnits: 150_000, currency: .clp))
        #expect(
            error(header + "02/03/2026;150.000,50;FACT 3391;Patagonia SpA\n", layout)?.message
                == "CLP amounts have at most 0 decimals, got \"150.000,50\"")
    }

    @Test func malformedRowsNameTheirLineAndColumn() throws {
        let header = "date,amount,reference,payer_name\n"
        #expect(
            error(header + "2026-03-02,1250000.00,FV-1\n")
                == StatementFormatError(
                    line: 2, field: "payerName", message: "the row has 3 columns, payerName is column 4"))
        #expect(
            error("date,amount,reference\n2026-03-02,10.00,FV-1\n")
                == StatementFormatError(line: 1, field: "payerName", message: "the header has no column \"payer_name\"")
        )
        #expect(
            error(header + "2026-03-02,10.00,FV-1,A\n\n2026-02-30,10.00,FV-2,B\n")
                == StatementFormatError(line: 4, field: "date", message: "\"2026-02-30\" is not a date as YYYY-MM-DD"))
        #expect(error(header + "02/03/2026,10.00,FV-1,A\n")?.field == "date")
        #expect(
            error(header + "2026-03-02,12.345,FV-1,A\n")
                == StatementFormatError(
                    line: 2, field: "amount", message: "COP amounts have at most 2 decimals, got \"12.345\""))
        #expect(
            error(header + "2026-03-02,doce mil,FV-1,A\n")
                == StatementFormatError(line: 2, field: "amount", message: "\"doce mil\" is not an amount"))
        #expect(error(header + "2026-03-02,,FV-1,A\n")?.field == "amount")
        // A decimal comma read with the point layout is refused, not read as 1 234 or 1.23.
        #expect(error(header + "2026-03-02,\"1.234,56\",FV-1,A\n")?.field == "amount")
        #expect(error(header + "2026-03-02,\"1,23\",FV-1,A\n")?.field == "amount")

        // The record on line 7 starts after a quoted field spanning lines 3–4 and a blank line.
        let spanish = [
            "Fecha;Importe;Concepto;Ordenante",
            "01/03/2026;1.000,00;A;B",
            "02/03/2026;2.000,00;\"dos",
            "lineas\";C",
            "",
            "03/03/2026;3.000,00;D;E",
            "04/03/2026;12,3,4;F;G",
        ].joined(separator: "\r\n")
        #expect(
            error(spanish, .spanishBank)
                == StatementFormatError(line: 7, field: "amount", message: "\"12,3,4\" is not an amount"))
        #expect(error(spanish.replacingOccurrences(of: "12,3,4", with: "1.23,00"), .spanishBank)?.line == 7)
        #expect(
            error(spanish.replacingOccurrences(of: "04/03/2026", with: "31/04/2026"), .spanishBank)
                == StatementFormatError(line: 7, field: "date", message: "\"31/04/2026\" is not a date as DD/MM/YYYY"))

        #expect(
            error(header + "2026-03-02,10.00,\"never closed,A\n2026-03-03,5.00,X,Y\n")
                == StatementFormatError(
                    line: 2, field: "CSV", message: "a quoted field opened on this line is never closed"))
        #expect(error("")?.message == "the file is empty")
        var noHeader = CSVStatementLayout.generic
        noHeader.hasHeader = false
        #expect(error("2026-03-02,10.00,FV-1,A\n", noHeader)?.field == "date")
    }

    @Test func excelSeparatorHintIsSkipped() throws {
        let text = "sep=;\nFecha;Importe;Concepto;Ordenante\n05/03/2026;99,90;X;Y\n"
        let lines = try CSVStatementParser.parse(text, layout: .spanishBank, account: "CO-1").lines
        #expect(lines.map(\.amount.minorUnits) == [9_990])
    }
}
