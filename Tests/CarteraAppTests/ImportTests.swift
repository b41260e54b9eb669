import CarteraCore
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor

@testable import CarteraApp

/// CSV import through the API and the CLI against a real database: all or nothing, amounts in minor
/// units, paid history the models learn from, and exports that import back.
@Suite struct ImportTests {
    static let header =
        "customer_code,customer_name,invoice_number,issue_date,due_date,amount,open_balance,currency,reference\n"

    /// Each malformed file: the row error expected (code, line), and nothing imported.
    static let malformed: [(name: String, csv: String, code: String, line: Int)] = [
        ("wrong columns", "foo,bar\n1,2\n", "header_not_found", 1),
        (
            "missing column", "customer_name,invoice_number,issue_date,amount\nA,1,2026-01-01,10.00\n",
            "missing_column", 1
        ),
        (
            "bad date",
            header + "C1,Acme,F-1,2026-01-01,2026-01-31,10.00,,,\nC1,Acme,F-2,2026-13-45,2026-01-31,10.00,,,\n",
            "bad_date", 3
        ),
        (
            "negative amount",
            header + "C1,Acme,F-1,2026-01-01,2026-01-31,-10.00,,,\nC1,Acme,F-2,2026-01-01,2026-01-31,10.00,,,\n",
            "negative_amount", 2
        ),
        (
            "duplicate in file",
            header + "C1,Acme,F-1,2026-01-01,2026-01-31,10.00,,,\nC1,Acme,F-1,2026-01-02,2026-02-01,11.00,,,\n",
            "duplicate_invoice_number", 3
        ),
        (
            "duplicate in database",
            header + "C1,Acme,F-1,2026-01-01,2026-01-31,10.00,,,\nC1,Acme,EXISTING-1,2026-01-02,2026-02-01,11.00,,,\n",
            "duplicate_invoice_number", 3
        ),
    ]

    @Test(arguments: malformed.indices)
    func aMalformedFileGivesRowErrorsAndImportsNothing(index: Int) async throws {
        let sample = Self.malformed[index]
        try await TestHarness.run { h in
            // given an organisation with one invoice already
            let customer = try await h.createCustomer()
            _ = try await h.createInvoice(customer: customer, number: "EXISTING-1", total: "5.00")
            let before = try await ImportFixtures.counts(h)
            // when
            let reply = try await ImportFixtures.post(h, sample.csv, query: "kind=invoices&preset=generic")
            // then
            #expect(reply.status == .unprocessableEntity, "\(sample.name): \(reply.json)")
            #expect(reply.json["error"]["code"].string == "import_rejected")
            let errors = reply.json["error"]["errors"].array
            #expect(
                errors.contains { $0["code"].string == sample.code && $0["line"].int == sample.line },
                "\(sample.name): \(errors)")
            #expect(errors.allSatisfy { !($0["message"].string ?? "").isEmpty })
            #expect(try await ImportFixtures.counts(h) == before, "\(sample.name) imported something")
        }
    }

    /// The commit writes good rows as it reads: a bad row after several written batches (new
    /// customers among them) must still leave nothing behind.
    @Test func aBadRowAfterManyWrittenBatchesImportsNothing() async throws {
        try await TestHarness.run { h in
            let before = try await ImportFixtures.counts(h)
            var csv = Self.header
            for index in 0..<1_700 {
                csv +=
                    "C\(index % 600),Cliente \(index % 600) S.A.S.,F-\(index),2026-01-05,2026-02-04,\(1_000 + index).00,500.00,COP,\n"
            }
            csv += "C1,Cliente 1 S.A.S.,F-LAST,2026-01-05,not-a-date,10.00,,COP,\n"
            let reply = try await ImportFixtures.post(h, csv, query: "kind=invoices&preset=generic")
            #expect(reply.status == .unprocessableEntity, "\(reply.json)")
            #expect(reply.json["error"]["errors"].array.contains { $0["line"].int == 1_702 })
            #expect(try await ImportFixtures.counts(h) == before)
            // the same file without its bad row imports whole, with its opening payments
            let clean = String(csv.split(separator: "\n").dropLast().joined(separator: "\n")) + "\n"
            let imported = try await ImportFixtures.post(h, clean, query: "kind=invoices&preset=generic&dry_run=false")
            #expect(imported.status == .ok || imported.status == .created, "\(imported.json)")
            let after = try await ImportFixtures.counts(h)
            #expect(
                after["invoices"] == 1_700 && after["customers"] == 600 && after["payments"] == 1_700
                    && after["allocations"] == 1_700, "\(after)")
        }
    }

    @Test func aQuickBooksAgingReportImportsEveryInvoiceWithItsAmounts() async throws {
        try await TestHarness.run { h in
            let reply = try await ImportFixtures.post(
                h, ImportFixtures.quickBooks, query: "kind=invoices&preset=quickbooks&currency=USD")
            #expect(reply.status == .created, "\(reply.json)")
            #expect(reply.json["created"]["invoices"].int == 4)
            #expect(reply.json["created"]["customers_created"].int == 4)
            #expect(reply.json["skipped"].int ?? 0 >= 8)
            let partly = try #require(try await ImportFixtures.invoice(h, "1027"))
            #expect(
                partly.currency == "USD" && partly.totalMinor == 230_050 && partly.balanceMinor == 180_050
                    && partly.settledMinor == 50_000)
            #expect(partly.status == .partiallyPaid && partly.paymentTerms == "net30")
            #expect(try await ImportFixtures.invoice(h, "1042")?.totalMinor == 84_525)
            #expect(try await ImportFixtures.invoice(h, "1030") == nil, "credit memos are not invoices")
            #expect(try await Customer.query(on: h.app.db).filter(\.$legalName == "Cool Cars, Inc.").count() == 1)
            // nobody was written to, and one audit event covers the whole import
            #expect(try await OutboxMessage.query(on: h.app.db).count() == 0)
            #expect(try await AuditEvent.query(on: h.app.db).filter(\.$action == "import.completed").count() == 1)
            #expect(try await AuditEvent.query(on: h.app.db).filter(\.$action == "invoice.created").count() == 0)
        }
    }

    @Test func aSpanishSemicolonFileImportsWithItsConventions() async throws {
        try await TestHarness.run { h in
            let reply = try await ImportFixtures.post(h, ImportFixtures.spanish, query: "kind=invoices")
            #expect(reply.status == .created, "\(reply.json)")
            #expect(reply.json["delimiter"].string == ";")
            let second = try #require(try await ImportFixtures.invoice(h, "FE-1002"))
            #expect(second.totalMinor == 250_000_050 && second.balanceMinor == 50_000_000 && second.currency == "COP")
            #expect(
                second.issueDate == "2026-01-20" && second.dueDate == "2026-03-21" && second.paymentTerms == "net60")
            let customers = try await Customer.query(on: h.app.db).sort(\.$legalName).all()
            #expect(customers.map(\.legalName) == ["Ferretería Ñandú Ltda.", "Panadería La Espiga S.A.S."])
            #expect(customers.map(\.externalCode) == ["C-02", "C-01"])
            // balance = total − allocations for every invoice
            for invoice in try await Invoice.query(on: h.app.db).all() {
                let settled = try await Allocation.query(on: h.app.db).filter(\.$invoice.$id == invoice.requireID())
                    .all().reduce(0) { $0 + $1.amountMinor }
                #expect(invoice.settledMinor == settled && invoice.balanceMinor == invoice.totalMinor - settled)
            }
        }
    }

    @Test func paidHistoryLeavesPaidInvoicesWithTheirPaidDate() async throws {
        try await TestHarness.run { h in
            // given invoices, one already paid according to the file
            #expect(try await ImportFixtures.post(h, ImportFixtures.spanish, query: "kind=invoices").status == .created)
            // when the payments history is imported
            let payments = """
                Código cliente;Factura;Fecha de pago;Valor pagado
                C-01;FE-1001;20/02/2026;1.000.000,00
                C-01;FE-1001;02/03/2026;190.000,00
                C-02;FE-1002;10/03/2026;200.000,00

                """
            let reply = try await ImportFixtures.post(h, payments, query: "kind=payments")
            #expect(reply.status == .created, "\(reply.json)")
            // then FE-1001 is paid, last on March 2; FE-1003 (paid per the file) on its due date
            let paid = try #require(try await ImportFixtures.invoice(h, "FE-1001"))
            #expect(paid.status == .paid && paid.balanceMinor == 0 && paid.settledMinor == 119_000_000)
            #expect(try await ImportFixtures.invoice(h, "FE-1002")?.balanceMinor == 30_000_000)
            let history = try await PaymentHistory.settledInvoices(organisationID: h.organisationID, on: h.app.db)
            #expect(Set(history.map(\.settledOn.iso)) == ["2026-03-02", "2026-03-03"])
            // a payment larger than what is owed is a row error, and nothing of that file lands
            let before = try await ImportFixtures.counts(h)
            let tooMuch = try await ImportFixtures.post(
                h,
                "Código cliente;Factura;Fecha de pago;Valor pagado\nC-02;FE-1002;11/03/2026;1,00\nC-02;FE-1002;12/03/2026;400.000,00\n",
                query: "kind=payments&locale=es")
            #expect(tooMuch.status == .unprocessableEntity)
            #expect(tooMuch.json["error"]["errors"][0]["code"].string == "payment_exceeds_balance")
            #expect(tooMuch.json["error"]["errors"][0]["line"].int == 3)
            #expect(try await ImportFixtures.counts(h) == before)
        }
    }

    @Test func exportsImportBackIntoAFreshOrganisation() async throws {
        try await TestHarness.run { h in
            // given an organisation with imported invoices and a customer made through the API
            #expect(try await ImportFixtures.post(h, ImportFixtures.spanish, query: "kind=invoices").status == .created)
            let made = try await h.createCustomer("Tornillos \"El Tuerca\", S.A.S.")
            _ = try await h.createInvoice(customer: made, number: "=T-1", total: "1234.56")
            let customersCSV = try await ImportFixtures.download(h, "/api/v1/exports/customers.csv")
            let invoicesCSV = try await ImportFixtures.download(h, "/api/v1/exports/invoices.csv")
            #expect(customersCSV.status == .ok && customersCSV.contentType.hasPrefix("text/csv"))
            for path in ["payments.csv", "aging.csv"] {
                #expect(try await ImportFixtures.download(h, "/api/v1/exports/\(path)").status == .ok)
            }
            let originalInvoices = try await Invoice.query(on: h.app.db).sort(\.$number).all()
            let originalCustomers = try await Customer.query(on: h.app.db).sort(\.$legalName).all().map(\.legalName)
            // when both files are imported into another organisation
            let other = Organisation(
                name: "Otra S.A.S.", defaultCurrency: "COP", locale: "es-CO", timeZone: "America/Bogota")
            try await other.create(on: h.app.db)
            let key = try await APIKeys.create(name: "other", organisationID: try other.requireID(), on: h.app.db)
                .secret
            let customers = try await ImportFixtures.post(
                h, customersCSV.bytes, query: "kind=customers&preset=generic", key: key)
            #expect(customers.status == .created, "\(customers.json)")
            let invoices = try await ImportFixtures.post(
                h, invoicesCSV.bytes, query: "kind=invoices&preset=generic", key: key)
            #expect(invoices.status == .created, "\(invoices.json)")
            #expect(invoices.json["created"]["customers_created"].int == 0)
            // then it holds the same customers and invoices
            let copied = try await Invoice.query(on: h.app.db).filter(\.$organisationID == other.requireID()).sort(
                \.$number
            ).all()
            #expect(copied.map(\.number) == originalInvoices.map(\.number))
            #expect(copied.map(\.totalMinor) == originalInvoices.map(\.totalMinor))
            #expect(copied.map(\.balanceMinor) == originalInvoices.map(\.balanceMinor))
            #expect(copied.map(\.status) == originalInvoices.map(\.status))
            let copiedCustomers = try await Customer.query(on: h.app.db).filter(\.$organisationID == other.requireID())
                .sort(\.$legalName).all()
            #expect(copiedCustomers.map(\.legalName) == originalCustomers)
        }
    }
}

/// Every customer, created one by one or brought by an import, quotes a payment reference no other
/// customer of the organisation has.
@Suite struct PaymentReferenceTests {
    @Test func importedAndCreatedCustomersNeverShareAReference() async throws {
        try await TestHarness.run { h in
            for index in 0..<5 { _ = try await h.createCustomer("Cliente Directo \(index) S.A.S.") }
            var csv = "customer_code,customer_name\n"
            for index in 0..<1_200 { csv += "K\(index),Cliente Importado \(index) Ltda.\n" }
            let reply = try await ImportFixtures.post(h, csv, query: "kind=customers&preset=generic")
            #expect(reply.status == .ok || reply.status == .created, "\(reply.json)")
            let references = try await Customer.query(on: h.app.db).all().compactMap(\.paymentReference)
            #expect(references.count == 1_205)
            #expect(Set(references).count == references.count)
            #expect(references.allSatisfy { $0.hasPrefix("CR-") && $0.count == 9 })
        }
    }

    @Test func anImportDrawsAgainWhenAReferenceIsTaken() {
        // given a source that repeats itself, and one reference already in use
        let draws = NIOLockedValueBox(["CR-AAAAAA", "CR-AAAAAA", "CR-BBBBBB", "CR-CCCCCC"])
        var directory = ImportDirectory(paymentReferences: ["CR-BBBBBB"])
        directory.makeReference = { draws.withLockedValue { $0.removeFirst() } }
        // when two new customers register
        for name in ["Uno S.A.S.", "Dos S.A.S."] {
            _ = directory.register(.init(id: UUID(), name: name, code: nil, currency: "COP", paymentTerms: "net30"))
        }
        // then each got a reference nobody else has
        #expect(directory.newCustomers.map(\.paymentReference) == ["CR-AAAAAA", "CR-CCCCCC"])
    }
}
