import Foundation
import Testing

@testable import CarteraCore

@Suite struct Camt053StatementTests {
    func date(_ iso: String) throws -> LocalDate { try LocalDate(iso: iso) }

    func parse(_ xml: String) throws -> [BankStatement] { try Camt053Parser.parse(Data(xml.utf8)) }

    /// The sample with the first occurrence of `old` replaced, to break one field at a time.
    func sample(replacing old: String, with new: String, in xml: String = Camt053StatementSamples.version02) throws
        -> String
    {
        let range = try #require(xml.range(of: old))
        return xml.replacingCharacters(in: range, with: new)
    }

    @Test func version02StatementBalancesAndSkippedPendingEntry() throws {
        let statements = try parse(Camt053StatementSamples.version02)
        try #require(statements.count == 2)
        let eur = statements[0]
        #expect(eur.account == "ES9121000418450200051332")
        #expect(eur.statementID == "STMT-20260331-ES91")
        #expect(eur.currency == .eur)
        #expect(eur.openingBalance == Money(minorUnits: 1_000_000, currency: .eur))
        #expect(eur.closingBalance == Money(minorUnits: 1_243_050, currency: .eur))
        #expect(eur.lines.map(\.amount.minorUnits) == [150_000, 25_050, 30_000, 50_000, -12_000])
        // The pending 999.99 is not on the statement; the booked lines reconcile opening to closing.
        #expect(!eur.lines.contains { $0.bankReference == "2026033100005" || $0.amount.minorUnits == 99_999 })
        #expect(
            try eur.openingBalance!.adding(Money.sum(eur.lines.map(\.amount), currency: .eur)) == eur.closingBalance)
    }

    @Test func version02CreditsCarryInvoiceTextReferencesAndPayer() throws {
        let lines = try parse(Camt053StatementSamples.version02)[0].lines
        let unstructured = lines[0]
        #expect(unstructured.bookingDate == (try date("2026-03-31")))
        #expect(unstructured.valueDate == (try date("2026-03-31")))
        #expect(unstructured.bankReference == "2026033100001")
        #expect(unstructured.endToEndID == "E2E-INV-0042")
        #expect(unstructured.remittanceText == "Pago factura F-2026-0042 saldo marzo")
        #expect(unstructured.structuredReference == nil)
        #expect(unstructured.counterpartyName == "Distribuidora Andina S.L.")
        #expect(unstructured.counterpartyAccount == "ES7921000813610123456789")
        #expect(unstructured.isCredit)

        let structured = lines[1]
        #expect(structured.bookingDate == (try date("2026-03-31"))) // from BookgDt/DtTm
        #expect(structured.structuredReference == "RF18539007547034")
        #expect(structured.endToEndID == nil) // NOTPROVIDED
        #expect(structured.remittanceText == "")
        #expect(structured.counterpartyName == "Ferreteria El Tornillo")
        #expect(structured.counterpartyAccount == "0049-1500-05-1234567890")
    }

    @Test func batchEntryBecomesOneLinePerTransactionWithDistinctIdentities() throws {
        let lines = try parse(Camt053StatementSamples.version02)[0].lines
        let (first, second) = (lines[2], lines[3])
        #expect(first.amount == Money(minorUnits: 30_000, currency: .eur))
        #expect(second.amount == Money(minorUnits: 50_000, currency: .eur))
        #expect(first.valueDate == (try date("2026-04-01")))
        #expect(first.endToEndID == "E2E-A-7781")
        #expect(second.endToEndID == "E2E-B-1193")
        #expect(first.remittanceText == "F-2026-0051")
        #expect(second.counterpartyName == "Papeleria Central")
        // The first payment has no reference of its own: it gets the entry's plus its position, so
        // the two lines are not taken for duplicates of each other on import.
        #expect(first.bankReference == "2026033100003/1")
        #expect(second.bankReference == "2026033100003-B")
        let account = "ES9121000418450200051332"
        #expect(first.identity(account: account) != second.identity(account: account))
        #expect(Set(lines.map { $0.identity(account: account) }).count == lines.count)
    }

    @Test func debitNamesTheCreditorAsCounterparty() throws {
        let debit = try parse(Camt053StatementSamples.version02)[0].lines[4]
        #expect(debit.amount == Money(minorUnits: -12_000, currency: .eur))
        #expect(!debit.isCredit)
        #expect(debit.counterpartyName == "Transportes Rapidos SA")
        #expect(debit.counterpartyAccount == "ES6000491500051234567892")
        #expect(debit.remittanceText == "Flete marzo")
    }

    @Test func zeroDecimalCurrencyFromFirstAmountWithPaddedDecimals() throws {
        let clp = try parse(Camt053StatementSamples.version02)[1]
        #expect(clp.account == "001-12345-67")
        #expect(clp.currency == .clp)
        #expect(clp.openingBalance == Money(minorUnits: -5_000, currency: .clp)) // PRCD, DBIT
        #expect(clp.closingBalance == Money(minorUnits: 145_000, currency: .clp))
        try #require(clp.lines.count == 1) // the INFO entry is skipped
        let line = clp.lines[0]
        #expect(line.amount == Money(minorUnits: 150_000, currency: .clp))
        #expect(line.remittanceText == "TRANSF DE INVERSIONES PATAGONIA SPA FACT 3391")
        #expect(line.bankReference == nil)
        #expect(line.valueDate == nil)
        #expect(
            line.identity(account: clp.account)
                == "001-12345-67|2026-03-31||CLP|150000|||TRANSF DE INVERSIONES PATAGONIA SPA FACT 3391||")

        let fraction = try sample(replacing: "150000.00", with: "150000.50")
        let error = #expect(throws: StatementFormatError.self) { try parse(fraction) }
        #expect(error?.field == "Stmt[2]/Ntry[1]/Amt")
        #expect(error?.message.contains("at most 0 decimals") == true)
    }

    @Test func version08WithPrefixesStatusCodesAndPartyWrappers() throws {
        let statements = try parse(Camt053StatementSamples.version08)
        try #require(statements.count == 1)
        let cop = statements[0]
        #expect(cop.account == "69812345678")
        #expect(cop.statementID == "BCOL-CTE-20260331")
        #expect(cop.currency == .cop)
        #expect(cop.openingBalance?.minorUnits == 100_000_000)
        #expect(cop.closingBalance?.minorUnits == 425_000_050)
        #expect(cop.lines.map(\.amount.minorUnits) == [250_000_050, 45_000_000, 30_000_000]) // PDNG skipped
        let pse = cop.lines[0]
        #expect(pse.bookingDate == (try date("2026-03-31")))
        #expect(pse.endToEndID == "PSE-77120391")
        #expect(pse.counterpartyName == "Inversiones El Dorado S.A.S.")
        #expect(pse.counterpartyAccount == "23100456789")
        #expect(pse.remittanceText == "FV-2026-118")
        #expect(cop.lines[1].structuredReference == "FV-2026-120")
        #expect(cop.lines[1].counterpartyName == "Tienda La 14")
        #expect(cop.lines.dropFirst().map(\.bankReference) == ["BCOL8842002/1", "BCOL8842002/2"])
        #expect(cop.lines[2].remittanceText == "FV-2026-121")
    }

    @Test func malformedAmountsNameTheirXMLPath() throws {
        let badEntry = try sample(replacing: #"<Amt Ccy="EUR">800.00</Amt>"#, with: #"<Amt Ccy="EUR">12.3.4</Amt>"#)
        let entryError = #expect(throws: StatementFormatError.self) { try parse(badEntry) }
        #expect(
            entryError
                == StatementFormatError(line: 0, field: "Stmt[1]/Ntry[3]/Amt", message: "\"12.3.4\" is not an amount"))

        let badBatch = try sample(
            replacing: #"<Amt Ccy="EUR">500.00</Amt>"#, with: #"<Amt Ccy="EUR">five hundred</Amt>"#)
        let batchError = #expect(throws: StatementFormatError.self) { try parse(badBatch) }
        #expect(batchError?.field == "Stmt[1]/Ntry[3]/NtryDtls[1]/TxDtls[2]/AmtDtls/TxAmt/Amt")

        let negative = try sample(replacing: #"<Amt Ccy="EUR">120.00</Amt>"#, with: #"<Amt Ccy="EUR">-120.00</Amt>"#)
        #expect(#expect(throws: StatementFormatError.self) { try parse(negative) }?.field == "Stmt[1]/Ntry[4]/Amt")

        let otherCurrency = try sample(
            replacing: #"<Amt Ccy="EUR">120.00</Amt>"#, with: #"<Amt Ccy="USD">120.00</Amt>"#)
        let currencyError = #expect(throws: StatementFormatError.self) { try parse(otherCurrency) }
        #expect(currencyError?.field == "Stmt[1]/Ntry[4]/Amt")
        #expect(currencyError?.message.contains("USD") == true)

        let badIndicator = try sample(replacing: "<CdtDbtInd>DBIT</CdtDbtInd>", with: "<CdtDbtInd>DEBIT</CdtDbtInd>")
        #expect(
            #expect(throws: StatementFormatError.self) { try parse(badIndicator) }?.field == "Stmt[1]/Ntry[4]/CdtDbtInd"
        )

        let badDate = try sample(
            replacing: "<BookgDt><Dt>2026-03-31</Dt></BookgDt>", with: "<BookgDt><Dt>31/03/2026</Dt></BookgDt>")
        #expect(#expect(throws: StatementFormatError.self) { try parse(badDate) }?.field == "Stmt[1]/Ntry[1]/BookgDt")

        let noAccount = try sample(replacing: "<IBAN>ES9121000418450200051332</IBAN>", with: "")
        #expect(#expect(throws: StatementFormatError.self) { try parse(noAccount) }?.field == "Stmt[1]/Acct/Id")
    }

    @Test func truncatedOrForeignDocumentsAreRefused() throws {
        let truncated = String(Camt053StatementSamples.version02.prefix(3_000))
        let xmlError = #expect(throws: StatementFormatError.self) { try parse(truncated) }
        #expect(xmlError?.field == "XML")
        #expect(xmlError?.message.contains("truncated") == true)
        #expect(xmlError?.line ?? 0 > 1) // the XML parser's line, where the file stops

        #expect(
            #expect(throws: StatementFormatError.self) { try parse("date,amount\n2026-03-31,10.00\n") }?.field == "XML")
        #expect(
            #expect(throws: StatementFormatError.self) { try Camt053Parser.parse(Data()) }?.message
                == "the file is empty")

        let notification =
            #"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><BkToCstmrDbtCdtNtfctn/></Document>"#
        #expect(
            #expect(throws: StatementFormatError.self) { try parse(notification) }?.message.contains("camt.054") == true
        )
        let transfer =
            #"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn/></Document>"#
        #expect(
            #expect(throws: StatementFormatError.self) { try parse(transfer) }?.message
                == "not a camt.053 statement: expected BkToCstmrStmt, found CstmrCdtTrfInitn")
        let empty =
            #"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr/></BkToCstmrStmt></Document>"#
        #expect(#expect(throws: StatementFormatError.self) { try parse(empty) }?.field == "BkToCstmrStmt/Stmt")
    }
}
