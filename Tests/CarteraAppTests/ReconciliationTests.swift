import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// Bank statements in the formats banks send, reconciled against the ledger.
@Suite struct ReconciliationTests {
    /// A COP camt.053.001.02 statement of March 31, 2026: a transfer naming invoice FE-5001, one from the
    /// account Tornillos paid from before and for the exact amount of its invoice, one nobody can place,
    /// a bank fee (debit) and a pending entry.
    static func camt(references: (String, String)) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
          <BkToCstmrStmt>
            <GrpHdr><MsgId>BCO-053-20260331</MsgId><CreDtTm>2026-04-01T06:00:00</CreDtTm></GrpHdr>
            <Stmt>
              <Id>STMT-20260331-COP</Id>
              <Acct><Id><Othr><Id>0012345678</Id></Othr></Id><Ccy>COP</Ccy></Acct>
              <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="COP">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-31</Dt></Dt></Bal>
              <Ntry>
                <Amt Ccy="COP">1190000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                <BookgDt><Dt>2026-03-31</Dt></BookgDt><AcctSvcrRef>\(references.0)</AcctSvcrRef>
                <NtryDtls><TxDtls>
                  <RltdPties><Dbtr><Nm>FERRETERIA EL PROGRESO SAS</Nm></Dbtr></RltdPties>
                  <RmtInf><Ustrd>PAGO FACT FE 5001</Ustrd></RmtInf>
                </TxDtls></NtryDtls>
              </Ntry>
              <Ntry>
                <Amt Ccy="COP">350000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                <BookgDt><Dt>2026-03-31</Dt></BookgDt><AcctSvcrRef>\(references.1)</AcctSvcrRef>
                <NtryDtls><TxDtls>
                  <RltdPties><Dbtr><Nm>TORNILLOS Y TUERCAS</Nm></Dbtr><DbtrAcct><Id><Othr><Id>9988776655</Id></Othr></Id></DbtrAcct></RltdPties>
                  <RmtInf><Ustrd>ABONO</Ustrd></RmtInf>
                </TxDtls></NtryDtls>
              </Ntry>
              <Ntry>
                <Amt Ccy="COP">77777.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                <BookgDt><Dt>2026-03-31</Dt></BookgDt><AcctSvcrRef>R-3</AcctSvcrRef>
                <NtryDtls><TxDtls><RltdPties><Dbtr><Nm>PERSONA DESCONOCIDA</Nm></Dbtr></RltdPties><RmtInf><Ustrd>TRANSFERENCIA</Ustrd></RmtInf></TxDtls></NtryDtls>
              </Ntry>
              <Ntry>
                <Amt Ccy="COP">15000.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>
                <BookgDt><Dt>2026-03-31</Dt></BookgDt><AcctSvcrRef>R-4</AcctSvcrRef>
                <AddtlNtryInf>COMISION MANEJO</AddtlNtryInf>
              </Ntry>
              <Ntry>
                <Amt Ccy="COP">5000000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>PDNG</Sts>
                <BookgDt><Dt>2026-03-31</Dt></BookgDt><AcctSvcrRef>R-5</AcctSvcrRef>
              </Ntry>
            </Stmt>
          </BkToCstmrStmt>
        </Document>
        """
    }

    func ledger(_ h: TestHarness) async throws -> (progreso: String, tornillos: String, fe5001: String, tt: String) {
        h.travel(to: "2026-03-01")
        let progreso = try await h.createCustomer("Ferretería El Progreso S.A.S.")
        let tornillos = try await h.createCustomer("Tornillos y Tuercas Ltda.")
        let fe = try #require(
            try await h.createInvoice(customer: progreso, number: "FE-5001", total: "1190000.00", issued: "2026-03-01")[
                "id"
            ].string)
        _ = try await h.createInvoice(customer: progreso, number: "FE-5002", total: "500000.00", issued: "2026-03-01")
        let tt = try #require(
            try await h.createInvoice(customer: tornillos, number: "TT-77", total: "350000.00", issued: "2026-03-01")[
                "id"
            ].string)
        let customer = try #require(try await Customer.find(UUID(uuidString: tornillos), on: h.app.db))
        customer.bankAccounts = "9988776655"
        try await customer.save(on: h.app.db)
        h.travel(to: "2026-04-01")
        return (progreso, tornillos, fe, tt)
    }

    func upload(_ h: TestHarness, _ body: String, format: String, query: String = "") async throws -> TestHarness.Reply
    {
        try await h.send(
            .POST, "/api/v1/bank-statements?format=\(format)\(query)", rawBody: body,
            headers: ["Content-Type": "application/xml"])
    }

    @Test func aCamtStatementPostsWhatItCanMatchAndQueuesTheRest() async throws {
        try await TestHarness.run { h in
            let (_, tornillos, fe5001, tt) = try await ledger(h)
            let report = try await upload(h, Self.camt(references: ("R-1", "R-2")), format: "camt053")
            #expect(report.status == .created, "\(report.json)")
            #expect(report.json["lines"].int == 4) // the pending entry is not a movement yet
            #expect(report.json["matched"].int == 2)
            #expect(report.json["review"].int == 1)
            #expect(report.json["ignored"].int == 1)
            #expect(try await h.get("/api/v1/invoices/\(fe5001)").json["status"].string == "paid")
            #expect(try await h.get("/api/v1/invoices/\(tt)").json["status"].string == "paid")
            let payments = try await h.get("/api/v1/payments").json["items"].array
            #expect(Set(payments.compactMap { $0["reference"].string }) == ["R-1", "R-2"])
            #expect(
                payments.allSatisfy { $0["received_on"].string == "2026-03-31" && $0["method"].string == "transfer" })
            // the stranger's transfer waits for a person
            let queue = try await h.get("/api/v1/bank-transactions").json.array
            #expect(
                queue.count == 1 && queue[0]["amount"].string == "77777.00" && queue[0]["match_rule"].string == "none")
            // importing the same file again posts nothing
            let again = try await upload(h, Self.camt(references: ("R-1", "R-2")), format: "camt053")
            #expect(again.json["duplicates"].int == 4 && again.json["matched"].int == 0)
            #expect(try await h.get("/api/v1/payments").json["total"].int == 2)
            // a collector places it: posted as a payment of that customer
            let id = try #require(queue[0]["id"].string)
            let resolved = try await h.post("/api/v1/bank-transactions/\(id)/match", ["customer_id": tornillos])
            #expect(resolved.status == .ok, "\(resolved.json)")
            #expect(resolved.json["status"].string == "matched" && resolved.json["payment_id"].string != nil)
            #expect(
                try await h.post("/api/v1/bank-transactions/\(id)/match", ["customer_id": tornillos]).status
                    == .conflict)
            #expect(try await h.get("/api/v1/bank-transactions").json.array.isEmpty)
            #expect(try await AuditEvent.query(on: h.app.db).filter(\.$action == "statement.imported").count() == 2)
        }
    }

    @Test func anMT940StatementWithTwoEqualTransfersKeepsBoth() async throws {
        try await TestHarness.run { h in
            let (progreso, _, _, _) = try await ledger(h)
            // two identical 100 000 transfers the same day, without a bank reference
            let mt940 = """
                :20:STARTUMS
                :25:BANCO/0012345678
                :28C:00031/001
                :60F:C260330COP0,00
                :61:2603310331C100000,00NTRFNONREF
                :86:ABONO FERRETERIA EL PROGRESO FE-5002
                :61:2603310331C100000,00NTRFNONREF
                :86:ABONO FERRETERIA EL PROGRESO FE-5002
                :62F:C260331COP200000,00
                -
                """
            let report = try await upload(h, mt940, format: "mt940")
            #expect(
                report.json["lines"].int == 2 && report.json["matched"].int == 2 && report.json["duplicates"].int == 0,
                "\(report.json)")
            let statement = try await h.get("/api/v1/customers/\(progreso)/statement").json
            let open = statement["currencies"][0]["open_items"].array.first { $0["number"].string == "FE-5002" }
            #expect(open?["balance"].string == "300000.00")
            #expect(try await upload(h, mt940, format: "mt940").json["duplicates"].int == 2)
        }
    }

    @Test func badFilesSayWhereAndChangeNothing() async throws {
        try await TestHarness.run { h in
            _ = try await ledger(h)
            let broken = Self.camt(references: ("R-1", "R-2")).replacingOccurrences(of: "350000.00", with: "35.00.00")
            let reply = try await upload(h, broken, format: "camt053")
            #expect(reply.status == .unprocessableEntity)
            #expect(reply.json["error"]["code"].string == "invalid_statement")
            #expect(reply.json["error"]["message"].string?.contains("Ntry[2]/Amt") == true, "\(reply.json)")
            let csv = try await upload(h, "date,amount,reference,payer_name\n2026-03-31,12x,FE-5001,X\n", format: "csv")
            #expect(csv.json["error"]["message"].string?.hasPrefix("line 2") == true, "\(csv.json)")
            #expect(try await upload(h, "x", format: "pdf").json["error"]["field"].string == "format")
            #expect(try await h.get("/api/v1/payments").json["total"].int == 0)
            #expect(try await BankTransaction.query(on: h.app.db).count() == 0)
        }
    }

    @Test func theCommandLineImportsAFile() async throws {
        try await TestHarness.run { h in
            _ = try await ledger(h)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("extracto-\(UUID()).xml")
            try Data(Self.camt(references: ("C-1", "C-2")).utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let output = try await RecordingConsole.run(ImportStatementCommand(), [file.path], app: h.app)
            #expect(
                output.contains("4 line(s): 2 matched and posted, 1 to review, 1 ignored (debits), 0 already imported"),
                "\(output)")
            await #expect {
                try await RecordingConsole.run(ImportStatementCommand(), ["/no/such/file.xml"], app: h.app)
            } throws: {
                ($0 as? CommandArgumentError)?.field == "file"
            }
        }
    }

    @Test func thePageImportsAFileAndPlacesTheQueue() async throws {
        try await TestHarness.run { h in
            let (_, tornillos, _, _) = try await ledger(h)
            let browser = try await h.signedIn("gestor@empresa.co", role: .collector)
            try await browser.get("/reconciliation")
            let uploaded = try await browser.upload(
                "/reconciliation/import", file: Self.camt(references: ("W-1", "W-2")), named: "extracto.xml",
                fields: [("format", "camt053"), ("preset", "generic")])
            #expect(uploaded.status == .seeOther)
            let page = try await browser.get("/reconciliation")
            #expect(page.body.contains("4 movimientos: 2 aplicados, 1 por revisar"))
            #expect(page.body.contains("PERSONA DESCONOCIDA"))
            let line = try #require(try await BankTransaction.query(on: h.app.db).filter(\.$status == .review).first())
            #expect(
                try await browser.post("/reconciliation/\(line.requireID())/match", [("customerId", tornillos)]).status
                    == .seeOther)
            #expect(try await BankTransaction.find(line.id, on: h.app.db)?.status == .matched)
            // a viewer sees the queue but cannot import
            let viewer = try await h.signedIn("vera@empresa.co", role: .viewer)
            try await viewer.get("/reconciliation")
            #expect(
                try await viewer.upload(
                    "/reconciliation/import", file: "x", named: "x.xml", fields: [("format", "camt053")]
                ).status == .forbidden)
        }
    }
}
