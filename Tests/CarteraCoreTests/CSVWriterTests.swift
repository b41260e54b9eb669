import Testing

@testable import CarteraCore

@Suite struct CSVWriterTests {
    let writer = CSVWriter()

    @Test func quotesPerRFC4180() {
        #expect(writer.field("plain") == "plain")
        #expect(writer.field("Acme, S.A.") == "\"Acme, S.A.\"")
        #expect(writer.field("PO \"77\"") == "\"PO \"\"77\"\"\"")
        #expect(writer.field("two\nlines") == "\"two\nlines\"")
        #expect(writer.row(["a", "b,c", ""]) == "a,\"b,c\",\r\n")
        #expect(CSVWriter(delimiter: ";").row(["1,5", "x;y"]) == "1,5;\"x;y\"\r\n")
        #expect(writer.document([["ñ"]]) == "\u{FEFF}ñ\r\n")
        #expect(writer.document([["ñ"]], byteOrderMark: false) == "ñ\r\n")
    }

    @Test func formulasAreDefused() {
        #expect(writer.field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(writer.field("+57 300 1234567") == "'+57 300 1234567")
        #expect(writer.field("-cmd") == "'-cmd")
        #expect(writer.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(writer.field("-1234.56") == "-1234.56") // numbers stay numbers
        #expect(writer.field("+3") == "+3")
        #expect(CSVWriter(guardsFormulas: false).field("=1+1") == "=1+1")
    }

    /// What the export writes, the generic import reads back unchanged, guarded cells included.
    @Test func exportRoundTripsThroughTheGenericImport() throws {
        let invoice = ImportedInvoice(
            line: 2, customerCode: "=C-1", customerName: "Acme, \"La Grande\"", number: "-FV-1",
            issueDate: try ImportSamples.date("2026-03-01"), dueDate: try ImportSamples.date("2026-03-31"),
            total: Money(minorUnits: 123_456, currency: .usd), openBalance: Money(minorUnits: 100, currency: .usd),
            reference: "línea 1\nlínea 2")
        let kind = ImportKind.invoices
        let text = writer.document([kind.exportHeader, kind.exportRow(invoice.exportValues)])
        #expect(text.contains("'=C-1") && text.contains("'-FV-1"))
        let result = CSVImport.read(Array(text.utf8), kind: kind, mapping: .generic, options: ImportSamples.cop)
        #expect(result.errors == [])
        #expect(result.invoices == [invoice])
        #expect(
            kind.exportHeader == [
                "customer_code", "customer_name", "invoice_number", "issue_date", "due_date", "amount",
                "open_balance", "currency", "reference",
            ])
    }
}
