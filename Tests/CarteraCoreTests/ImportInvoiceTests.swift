import Testing

@testable import CarteraCore

@Suite struct ImportInvoiceTests {
    let header =
        "customer_code,customer_name,invoice_number,issue_date,due_date,amount,open_balance,currency,reference\r\n"

    @Test func genericLayoutReadsEveryField() throws {
        let result = ImportSamples.read(
            header + "C-1,\"Acme, S.A.\",FV-1,2026-03-01,2026-03-31,1500000.00,250000.5,,\"PO \"\"77\"\"\"\r\n"
                + "C-2,,FV-2,2026-03-02,2026-04-01,99.90,,USD,\r\n", mapping: .generic)
        #expect(result.errors == [])
        #expect(result.invoices.count == 2)
        let first = try #require(result.invoices.first)
        #expect(
            first
                == ImportedInvoice(
                    line: 2, customerCode: "C-1", customerName: "Acme, S.A.", number: "FV-1",
                    issueDate: try ImportSamples.date("2026-03-01"), dueDate: try ImportSamples.date("2026-03-31"),
                    total: Money(minorUnits: 150_000_000, currency: .cop),
                    openBalance: Money(minorUnits: 25_000_050, currency: .cop), reference: "PO \"77\""))
        // No open balance: all of it is open. The row's currency beats the default.
        #expect(result.invoices[1].openBalance == Money(minorUnits: 9_990, currency: .usd))
        #expect(result.invoices[1].customerName == nil)
        #expect(result.summary.rows == 2 && result.summary.imported == 2 && result.summary.rejected == 0)
    }

    /// A dry run of a file with something wrong on almost every line reports every problem, each
    /// with its physical line (the quoted line break on line 3 pushes the rest down one).
    @Test func everyBadRowIsReportedWithItsLineAndField() {
        let text =
            header
            + "C-1,Acme,FV-1,2026-03-01,2026-03-31,100,,,\"two\nlines\"\r\n" // 2–3: fine
            + "C-1,Acme,FV-2,2026-02-30,31/13/2026,100,,,\r\n" // 4: two bad dates
            + "C-1,Acme,FV-3,2026-03-01,2026-03-31,-100,,,\r\n" // 5
            + "C-1,Acme,FV-1,2026-03-01,2026-03-31,100,,,\r\n" // 6: number of line 2
            + "C-1,Acme,FV-4,2026-03-31,2026-03-01,100,,,\r\n" // 7
            + "C-1,Acme,FV-5,2026-03-01,2026-03-31,100,,XYZ,\r\n" // 8
            + "C-1,Acme,FV-6,2026-03-01,2026-03-31,100\r\n" // 9: short row
            + ",,FV-7,,2026-03-31,abc,120,,\r\n" // 10: three problems
            + "C-1,Acme,FV-8,2026-03-01,2026-03-31,100,150,,\r\n" // 11
            + "C-1,Acme,FV-9,2026-03-01,2026-03-31,0.001,,,\r\n" // 12
            + "\r\n"
            + "C-2,Beta,FV-10,2026-03-01,2026-03-31,10,,,\r\n" // 14: fine
        let result = ImportSamples.read(text, mapping: .generic)
        func error(_ line: Int, _ field: ImportField?, _ code: ImportErrorCode) -> ImportRowError {
            ImportRowError(line: line, column: field?.rawValue, field: field, code: code)
        }
        #expect(
            result.errors == [
                error(4, .issueDate, .badDate("2026-02-30")), error(4, .dueDate, .badDate("31/13/2026")),
                error(5, .amount, .negativeAmount),
                error(6, .invoiceNumber, .duplicateInvoiceNumber(firstLine: 2)),
                error(7, .dueDate, .dueBeforeIssue),
                error(8, .currency, .unknownCurrency("XYZ")),
                error(9, nil, .wrongFieldCount(expected: 9, found: 6)),
                error(10, .customerCode, .missingValue), error(10, .issueDate, .missingValue),
                error(10, .amount, .badNumber("abc")),
                error(11, .openBalance, .balanceExceedsAmount),
                error(12, .amount, .tooManyDecimals("0.001", allowed: 2)),
            ])
        #expect(result.invoices.map(\.number) == ["FV-1", "FV-10"])
        #expect(result.invoices.map(\.line) == [2, 14])
        #expect(
            result.summary.rows == 11 && result.summary.imported == 2 && result.summary.rejected == 9
                && result.summary.errors == 12)
        #expect(!result.isClean)
        #expect(result.errors[0].description == "line 4 issue_date: bad_date value=2026-02-30")
    }

    @Test func duplicateNumbersAreGlobalNotPerCustomer() {
        let result = ImportSamples.read(
            header
                + "A,,7,2026-03-01,2026-03-31,1,,,\r\nB,,7,2026-03-01,2026-03-31,1,,,\r\nB,,7 ,2026-03-01,2026-03-31,1,,,\r\n",
            mapping: .generic)
        #expect(
            result.errors.map(\.code) == [.duplicateInvoiceNumber(firstLine: 2), .duplicateInvoiceNumber(firstLine: 2)])
        #expect(result.errors.map(\.line) == [3, 4])
    }

    @Test func ambiguousValuesNeedALocale() throws {
        let text = "Cliente;Factura;Fecha;Vencimiento;Importe\nAcme;1;05/06/2026;05/07/2026;1.500\n"
        let open = ImportSamples.read(text)
        #expect(
            open.errors.map(\.code) == [
                .ambiguousDate("05/06/2026"), .ambiguousDate("05/07/2026"), .ambiguousNumber("1.500"),
            ])
        #expect(
            open.summary.conventions.decimalSource == .undetermined
                && open.summary.conventions.dateSource == .undetermined)

        let spanish = ImportSamples.read(text, options: ImportOptions(defaultCurrency: .cop, locale: .es))
        let invoice = try #require(spanish.invoices.first)
        #expect(invoice.issueDate == (try ImportSamples.date("2026-06-05")))
        #expect(invoice.total == Money(minorUnits: 150_000, currency: .cop))
        let english = ImportSamples.read(text, options: ImportOptions(defaultCurrency: .cop, locale: .en))
        #expect(english.invoices.first?.issueDate == (try ImportSamples.date("2026-05-06")))
        #expect(english.invoices.first?.total == Money(minorUnits: 150, currency: .cop))

        // One unambiguous row anywhere settles the whole file, whatever the locale says.
        let shown = ImportSamples.read(
            text + "Beta;2;31/12/2026;31/12/2026;2.500,75\n", options: ImportOptions(defaultCurrency: .cop, locale: .en)
        )
        #expect(shown.errors == [])
        #expect(
            shown.invoices.map(\.issueDate) == [
                try ImportSamples.date("2026-06-05"), try ImportSamples.date("2026-12-31"),
            ])
        #expect(shown.invoices.map(\.total.minorUnits) == [150_000, 250_075])
        #expect(
            shown.summary.conventions
                == ImportConventions(
                    decimalMark: .comma, decimalSource: .file, dateOrder: .dayMonthYear, dateSource: .file))

        // Forced conventions are kept even against the file.
        let forced = ImportSamples.read(
            text + "Beta;2;31/12/2026;31/12/2026;2.500,75\n",
            options: ImportOptions(defaultCurrency: .cop, decimalMark: .point, dateOrder: .monthDayYear))
        #expect(forced.errors.map(\.code) == [.badDate("31/12/2026"), .badDate("31/12/2026"), .badNumber("2.500,75")])
    }
}
