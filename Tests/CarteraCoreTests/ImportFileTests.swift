import Testing

@testable import CarteraCore

/// Decoding, delimiter detection and header finding: what happens before any row is read.
@Suite struct ImportFileTests {
    @Test func latin1ExcelFileKeepsItsAccents() throws {
        let result = CSVImport.read(
            try ImportSamples.file("clientes-latin1.csv"), kind: .customers, options: ImportSamples.cop)
        #expect(result.summary.encoding == .latin1)
        #expect(result.summary.delimiter == ";")
        #expect(result.errors == [])
        #expect(
            result.customers.map(\.name) == ["Compañía Andina de Facturación S.A.S.", "Distribuciones Ñandú Ltda."])
        let first = try #require(result.customers.first)
        #expect(first.taxID == "900123456-7")
        #expect(first.email == "cartera@andina.com.co")
        #expect(first.phone == "+57 601 555 0101")
        #expect(first.creditLimit == Money(minorUnits: 5_000_000_000, currency: .cop))
        #expect(first.paymentTerms == .net30)
        #expect(result.customers[1].paymentTerms == .net0)
        #expect(result.customers[1].creditLimit == nil && result.customers[1].phone == nil)
        #expect(
            result.summary.columns.map(\.field) == [
                .taxID, .customerName, .email, .phone, .currency, .creditLimit, .paymentTerms,
            ])
        #expect(result.summary.conventions.decimalMark == .comma && result.summary.conventions.decimalSource == .file)
    }

    @Test func encodingsAreDetectedAndReported() {
        // "Facturación €" in Windows-1252: 0xF3 is ó, 0x80 is €.
        let windows: [UInt8] = Array("Factura".utf8) + [0xE7, 0xF3, 0x20, 0x80]
        #expect(TextDecoding.utf8(windows) == (Array("Facturaçó €".utf8), .windows1252))
        #expect(TextDecoding.utf8(Array("Compañía".utf8)) == (Array("Compañía".utf8), .utf8))
        #expect(TextDecoding.utf8([0xEF, 0xBB, 0xBF] + Array("ñ".utf8)) == (Array("ñ".utf8), .utf8))
        let utf16: [UInt8] = [0xFF, 0xFE] + "Año\t1".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(TextDecoding.utf8(utf16) == (Array("Año\t1".utf8), .utf16LittleEndian))
        // Invalid UTF-8 a lenient decoder would accept: overlong "/", a surrogate, a cut-off sequence.
        #expect(!TextDecoding.isValidUTF8([0xC0, 0xAF]))
        #expect(!TextDecoding.isValidUTF8([0xED, 0xA0, 0x80]))
        #expect(!TextDecoding.isValidUTF8([0x41, 0xE2, 0x82]))
        #expect(TextDecoding.isValidUTF8(Array("€𝄞".utf8)))
    }

    @Test func delimiterIsDetected() {
        func detect(_ text: String) -> Character {
            Character(Unicode.Scalar(DelimiterDetection.detect(Array(text.utf8))))
        }
        #expect(detect("a,b,c\n1,2,3\n") == ",")
        // Decimal commas on every line, but ";" splits each line the same way.
        #expect(detect("Fecha;Cliente;Importe\n01/02/2026;\"Acme, S.A.\";1.234,56\n02/02/2026;Beta;10,00\n") == ";")
        #expect(detect("Fecha\tImporte\n01/02/2026\t1.234,56\n") == "\t")
        #expect(detect("sep=;\nFecha,Importe;Cliente\n") == ";")
        #expect(detect("Report title\n\na,b\n1,2\n") == ",")
    }

    @Test func headerBelowTitleLinesIsFoundInEitherLanguage() {
        let text =
            "Cartera de Clientes\r\nCorte: 31/03/2026\r\n\r\nNº Factura;CLIENTE;Fecha de Emisión;VENCIMIENTO;Importe;Saldo Pendiente;Observación\r\n"
            + "FV-1;Acme;01/03/2026;31/03/2026;1.000,00;500,00;x\r\n"
        let result = ImportSamples.read(text)
        #expect(result.summary.headerLine == 4)
        #expect(
            result.summary.columns.map(\.field) == [
                .invoiceNumber, .customerName, .issueDate, .dueDate, .amount, .openBalance, nil,
            ])
        #expect(result.summary.ignoredColumns == ["Observación"])
        #expect(result.errors == [])
        #expect(result.invoices.first?.openBalance == Money(minorUnits: 50_000, currency: .cop))
        #expect(result.summary.conventions.dateOrder == .dayMonthYear && result.summary.conventions.dateSource == .file)

        let english = ImportSamples.read(
            "Customer ID,Customer,Invoice #,Invoice Date,Due Date,Invoice Amount,Balance Due\nC1,Acme,7,2026-03-01,2026-03-31,10,5\n"
        )
        #expect(
            english.summary.columns.map(\.field) == [
                .customerCode, .customerName, .invoiceNumber, .issueDate, .dueDate, .amount, .openBalance,
            ])
        #expect(english.invoices.map(\.customerCode) == ["C1"])
    }

    @Test func explicitAssignmentsBeatRecognition() {
        var mapping = ColumnMapping.automatic
        mapping.assign("Doc", to: .invoiceNumber)
        mapping.assign("Valor", to: nil) // recognised as the amount, but the user says it is not
        mapping.assign("Valor neto", to: .amount)
        let result = ImportSamples.read(
            "Doc,Cliente,Fecha,Vencimiento,Valor,Valor neto\nA-1,Acme,2026-03-01,2026-03-31,99,10\n", mapping: mapping)
        #expect(
            result.summary.columns.map(\.field) == [.invoiceNumber, .customerName, .issueDate, .dueDate, nil, .amount])
        #expect(result.invoices.first?.total == Money(minorUnits: 1_000, currency: .cop))
    }

    @Test func fileLevelProblems() {
        #expect(ImportSamples.read("").errors == [ImportRowError(line: 1, code: .emptyFile)])
        #expect(ImportSamples.read("\n \n").errors == [ImportRowError(line: 1, code: .emptyFile)])
        #expect(ImportSamples.read("foo,bar\n1,2\n").errors == [ImportRowError(line: 1, code: .headerNotFound)])
        let missing = ImportSamples.read("Title\nCliente,Factura,Importe\nAcme,1,10\n")
        #expect(
            missing.errors == [
                ImportRowError(line: 2, field: .issueDate, code: .missingColumn(.issueDate)),
                ImportRowError(line: 2, field: .dueDate, code: .missingColumn(.dueDate)),
            ])
        #expect(missing.invoices.isEmpty && missing.summary.rows == 0)
        #expect(ImportSamples.read("\"Cliente,Factura\n").errors == [ImportRowError(line: 1, code: .unclosedQuote)])
        // The generic preset knows only its own names.
        #expect(
            ImportSamples.read("Cliente,Factura,Fecha,Vencimiento,Importe\n", mapping: .generic).errors.first?.code
                == .headerNotFound)
    }
}
