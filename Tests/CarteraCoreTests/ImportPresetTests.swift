import Testing

@testable import CarteraCore

@Suite struct ImportPresetTests {
    @Test func quickBooksARAgingDetail() throws {
        let result = CSVImport.read(
            try ImportSamples.file("quickbooks-ar-aging-detail.csv"), kind: .invoices,
            mapping: .quickBooksARAgingDetail, options: ImportOptions(defaultCurrency: .usd))
        #expect(result.errors == [])
        #expect(result.summary.headerLine == 5)
        #expect(result.summary.delimiter == ",")
        #expect(result.summary.ignoredColumns == ["Past Due"])
        #expect(result.invoices.map(\.number) == ["1001", "1027", "1035", "1042"])
        #expect(
            result.invoices.map(\.customerName) == [
                "Amy's Bird Sanctuary", "Bill's Windsurf Shop", "Cool Cars, Inc.", "Freeman Sporting Goods",
            ])
        #expect(result.invoices.map(\.total.minorUnits) == [125_000, 230_050, 300_000, 84_525])
        #expect(result.invoices.map(\.openBalance.minorUnits) == [125_000, 180_050, 300_000, 84_525])
        #expect(result.invoices[1].issueDate == (try ImportSamples.date("2025-12-29")))
        #expect(result.invoices[1].dueDate == (try ImportSamples.date("2026-01-28")))
        #expect(result.invoices.allSatisfy { $0.total.currency == .usd && $0.customerCode == nil })
        #expect(
            result.skipped == [
                .init(line: 6, reason: .summary), .init(line: 8, reason: .summary), .init(line: 9, reason: .summary),
                .init(line: 11, reason: .transactionType("Credit Memo")), .init(line: 12, reason: .summary),
                .init(line: 13, reason: .summary),
                .init(line: 15, reason: .transactionType("Payment")), .init(line: 16, reason: .summary),
                .init(line: 17, reason: .summary),
                .init(line: 19, reason: .summary), .init(line: 20, reason: .summary), .init(line: 23, reason: .summary),
            ])
        #expect(result.summary.rows == 16 && result.summary.imported == 4 && result.summary.skipped == 12)
    }

    @Test func quickBooksHeaderIsAlsoRecognisedWithoutThePreset() throws {
        let result = CSVImport.read(
            try ImportSamples.file("quickbooks-ar-aging-detail.csv"), kind: .invoices,
            options: ImportOptions(defaultCurrency: .usd))
        #expect(result.errors == [])
        #expect(result.invoices.count == 4)
        #expect(result.summary.conventions.dateOrder == .monthDayYear && result.summary.conventions.dateSource == .file)
    }

    @Test func xeroAgedReceivablesDetailGroupedByContact() throws {
        let result = CSVImport.read(
            try ImportSamples.file("xero-aged-receivables-detail.csv"), kind: .invoices,
            mapping: .xeroAgedReceivables, options: ImportOptions(defaultCurrency: .usd))
        #expect(result.summary.headerLine == 6)
        #expect(result.invoices.map(\.number) == ["INV-0012", "INV-0031", "INV-0007"])
        #expect(result.invoices.map(\.customerName) == ["Basket Case", "Basket Case", "Bayside Club"])
        #expect(
            result.invoices.map(\.total) == [
                Money(minorUnits: 110_000, currency: try Currency(code: "AUD")),
                Money(minorUnits: 55_000, currency: try Currency(code: "AUD")),
                Money(minorUnits: 242_000, currency: try Currency(code: "AUD")),
            ])
        #expect(result.invoices.map(\.openBalance.minorUnits) == [110_000, 35_000, 242_000])
        #expect(result.invoices.map(\.reference) == ["P/O 9876", nil, "Membership 2026"])
        #expect(result.invoices[0].issueDate == (try ImportSamples.date("2026-01-12")))
        #expect(result.invoices[0].dueDate == (try ImportSamples.date("2026-02-11")))
        // A credit note is not an open invoice: reported, for the user to leave out or settle.
        #expect(
            result.errors == [
                ImportRowError(line: 13, column: "Total", field: .amount, code: .negativeAmount),
                ImportRowError(line: 13, column: "Due", field: .openBalance, code: .negativeAmount),
            ])
        #expect(
            result.skipped == [
                .init(line: 7, reason: .groupHeading("Basket Case")), .init(line: 10, reason: .summary),
                .init(line: 11, reason: .groupHeading("Bayside Club")), .init(line: 14, reason: .summary),
                .init(line: 15, reason: .summary),
            ])
    }

    @Test func xeroWithAContactColumnUsesIt() {
        let text =
            "Aged Receivables Detail\nContact,Invoice Date,Invoice Number,Due Date,Total,Due\nBasket Case,12 Jan 2026,INV-1,11 Feb 2026,10.00,5.00\n"
        let result = ImportSamples.read(text, mapping: .xeroAgedReceivables)
        #expect(result.errors == [])
        #expect(result.invoices.map(\.customerName) == ["Basket Case"])
    }

    @Test func withoutGroupHeadingsAMissingCustomerColumnIsReported() {
        let text = "Invoice Date,Invoice Number,Due Date,Total\n12 Jan 2026,INV-1,11 Feb 2026,10.00\n"
        #expect(
            ImportSamples.read(text).errors == [
                ImportRowError(line: 1, field: .customerCode, code: .missingColumn(.customerCode))
            ])
        // With the Xero preset but no heading above the first invoice, that row has no customer.
        #expect(ImportSamples.read(text, mapping: .xeroAgedReceivables).errors.map(\.code) == [.missingValue])
    }
}
