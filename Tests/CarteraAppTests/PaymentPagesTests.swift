import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// Money in from the pages: a payment typed the Colombian way against a chosen invoice, its receipt and
/// reversal, a refused amount kept next to its field, a viewer kept out, a credit note; the same
/// services as the API.
@Suite struct PaymentPagesTests {
    struct Fixture {
        let customer: String
        /// FE-3001, the older one, and FE-3002: $ 2.000.000,00 each.
        let older: String
        let newer: String
        let browser: WebClient
    }

    func setUp(_ h: TestHarness, terms: String = "net30") async throws -> Fixture {
        h.travel(to: "2026-03-01")
        let customer = try await h.createCustomer("Lácteos del Valle S.A.S.")
        let older = try await h.createInvoice(
            customer: customer, number: "FE-3001", total: "2000000.00", issued: "2026-02-01")
        let newer = try await h.createInvoice(
            customer: customer, number: "FE-3002", total: "2000000.00", issued: "2026-03-01",
            extra: ["payment_terms": terms])
        h.travel(to: "2026-03-05")
        let browser = try await h.signedIn("gestor@empresa.co", role: .collector)
        return Fixture(
            customer: customer, older: try #require(older["id"].string), newer: try #require(newer["id"].string),
            browser: browser)
    }

    func balance(_ id: String, _ h: TestHarness) async throws -> Int64 {
        let invoice = try await Invoice.find(UUID(uuidString: id), on: h.app.db)
        return try #require(invoice).balanceMinor
    }

    func pay(_ f: Fixture, amount: String, reason: String = "", invoices: [String]) async throws -> WebClient.Reply {
        let form = "/payments/new?customer=\(f.customer)"
        try await f.browser.get(form)
        return try await f.browser.post(
            "/payments",
            [
                ("_form", "payment"), ("customerId", f.customer), ("amount", amount), ("receivedOn", ""),
                ("method", "check"), ("reference", "CHQ-88"), ("allocation", invoices.isEmpty ? "oldest" : "chosen"),
            ] + invoices.map { ("invoiceIds[]", $0) }, referer: "http://localhost\(form)")
    }

    @Test func aPaymentTypedTheColombianWaySettlesTheChosenInvoiceAndShowsItsReceipt() async throws {
        try await TestHarness.run { h in
            let f = try await setUp(h)
            let form = try await f.browser.get("/payments/new?invoice=\(f.newer)")
            #expect(form.status == .ok)
            #expect(form.body.contains("Lácteos del Valle S.A.S."))
            #expect(form.body.contains("placeholder=\"1.500.000,50\""))
            #expect(form.body.contains("value=\"2026-03-05\""))
            #expect(form.body.contains(">Cheque</option>"))

            let posted = try await pay(f, amount: "1.500.000,50", invoices: [f.newer])
            #expect(posted.status == .seeOther)
            let receipt = try #require(posted.location)
            #expect(receipt.hasPrefix("/payments/"))
            // exactly 1.500.000,50 off the chosen invoice, the older one untouched
            #expect(try await balance(f.newer, h) == 200_000_000 - 150_000_050)
            #expect(try await balance(f.older, h) == 200_000_000)
            let events = try await AuditEvent.query(on: h.app.db).filter(\.$action == "payment.recorded").all()
            #expect(events.count == 1)
            #expect(events.first?.actor == "user:gestor@empresa.co")

            let page = try await f.browser.get(receipt)
            #expect(page.status == .ok)
            #expect(page.body.contains("Pago registrado"))
            #expect(page.body.contains("$ 1.500.000,50"))
            #expect(page.body.contains("FE-3002"))
            #expect(page.body.contains("href=\"/invoices/\(f.newer.uppercased())\"") || page.body.contains(f.newer))
            #expect(page.body.contains("CHQ-88"))
            #expect(page.body.contains("Cheque"))
            #expect(page.body.contains("Vigente"))
            #expect(page.body.contains("gestor@empresa.co"))
            #expect(!page.body.contains(">check<"))
            // listed on the customer page, linking to the receipt
            #expect(try await f.browser.get("/customers/\(f.customer)").body.contains("href=\"\(receipt)\""))
        }
    }

    @Test func anAmountThatIsNotOneIsShownNextToItsFieldWithWhatWasTyped() async throws {
        try await TestHarness.run { h in
            let f = try await setUp(h)
            let refused = try await pay(f, amount: "abc", invoices: [f.newer])
            #expect(refused.status == .seeOther)
            #expect(refused.location == "/payments/new?customer=\(f.customer)")
            let page = try await f.browser.get("/payments/new?customer=\(f.customer)").body
            #expect(page.contains("<span class=\"field-error\" id=\"amount-error\">Importe: escriba un importe"))
            #expect(page.contains("value=\"abc\""))
            #expect(page.contains("value=\"CHQ-88\""))
            #expect(page.contains("flash-error"))
            #expect(try await Payment.query(on: h.app.db).count() == 0)
            #expect(try await balance(f.newer, h) == 200_000_000)

            // "chosen" with nothing ticked: the reason goes next to the invoices
            _ = try await pay(f, amount: "100.000", invoices: [])
            _ = try await f.browser.post(
                "/payments",
                [("_form", "payment"), ("customerId", f.customer), ("amount", "100.000"), ("allocation", "chosen")],
                referer: "http://localhost/payments/new?customer=\(f.customer)")
            #expect(try await f.browser.get("/payments/new?customer=\(f.customer)").body.contains("Facturas: marque"))
            #expect(try await Payment.query(on: h.app.db).count() == 1)
        }
    }

    @Test func oldestFirstAndTheRemainderStaysAsCredit() async throws {
        try await TestHarness.run { h in
            let f = try await setUp(h)
            let posted = try await pay(f, amount: "$ 4.500.000", invoices: [])
            let page = try await f.browser.get(try #require(posted.location)).body
            #expect(try await balance(f.older, h) == 0)
            #expect(try await balance(f.newer, h) == 0)
            #expect(page.contains("id=\"receipt-unapplied\">$ 500.000,00"))
        }
    }

    @Test func aReversalNeedsAReasonAndMakesTheInvoiceOwedAgain() async throws {
        try await TestHarness.run { h in
            let f = try await setUp(h)
            let receipt = try #require(try await pay(f, amount: "2.000.000", invoices: [f.newer]).location)
            #expect(try await balance(f.newer, h) == 0)
            try await f.browser.get(receipt)
            let refused = try await f.browser.post(
                "\(receipt)/reverse", [("_form", "reverse"), ("reason", " ")], referer: "http://localhost\(receipt)")
            #expect(refused.location == receipt)
            #expect(try await f.browser.get(receipt).body.contains("Motivo:"))
            #expect(try await balance(f.newer, h) == 0)

            let reversed = try await f.browser.post(
                "\(receipt)/reverse", [("_form", "reverse"), ("reason", "Cheque devuelto")],
                referer: "http://localhost\(receipt)")
            #expect(reversed.location == receipt)
            #expect(try await balance(f.newer, h) == 200_000_000)
            let page = try await f.browser.get(receipt).body
            #expect(page.contains("Pago reversado"))
            #expect(page.contains("id=\"receipt-state\">Reversado"))
            #expect(page.contains("Cheque devuelto"))
            #expect(!page.contains("id=\"reverse-form\""))
            #expect(try await AuditEvent.query(on: h.app.db).filter(\.$action == "payment.reversed").count() == 1)
        }
    }

    @Test func aViewerSeesTheReceiptButNoFormAndCannotPost() async throws {
        try await TestHarness.run { h in
            let f = try await setUp(h)
            let receipt = try #require(try await pay(f, amount: "1.000", invoices: []).location)
            let viewer = try await h.signedIn("consulta@empresa.co", role: .viewer)
            let form = try await viewer.get("/payments/new?customer=\(f.customer)")
            #expect(form.status == .ok)
            #expect(form.body.contains("id=\"read-only\""))
            #expect(!form.body.contains("id=\"payment-form\""))
            #expect(
                !(try await viewer.get("/credit-notes/new?customer=\(f.customer)").body.contains("credit-note-form")))
            let page = try await viewer.get(receipt)
            #expect(page.status == .ok)
            #expect(!page.body.contains("id=\"reverse-form\""))
            #expect(!(try await viewer.get("/customers/\(f.customer)").body.contains("id=\"record-payment\"")))
            let posted = try await viewer.post(
                "/payments", [("customerId", f.customer), ("amount", "1.000"), ("allocation", "oldest")])
            #expect(posted.status == .forbidden)
            #expect(try await viewer.post("\(receipt)/reverse", [("reason", "x")]).status == .forbidden)
            #expect(try await viewer.post("/credit-notes", [("customerId", f.customer)]).status == .forbidden)
            #expect(try await Payment.query(on: h.app.db).count() == 1)
        }
    }

    @Test func aCreditNoteIssuedFromTheInvoicePageSettlesIt() async throws {
        try await TestHarness.run { h in
            let f = try await setUp(h)
            let invoicePage = try await f.browser.get("/invoices/\(f.newer)").body
            #expect(invoicePage.contains("id=\"issue-credit-note\""))
            let form = try await f.browser.get("/credit-notes/new?invoice=\(f.newer)")
            #expect(form.status == .ok)
            #expect(form.body.contains("credit-note-form"))
            let back = "http://localhost/credit-notes/new?invoice=\(f.newer)"
            let refused = try await f.browser.post(
                "/credit-notes",
                [
                    ("_form", "creditNote"), ("customerId", f.customer), ("number", "NC-1"), ("issuedOn", ""),
                    ("amount", "cien mil"), ("reason", "Devolución de 2 cajas"), ("invoice", f.newer),
                ], referer: back)
            #expect(refused.status == .seeOther)
            let again = try await f.browser.get("/credit-notes/new?invoice=\(f.newer)").body
            #expect(again.contains("Importe: escriba un importe"))
            #expect(again.contains(">Devolución de 2 cajas</textarea>"))
            let posted = try await f.browser.post(
                "/credit-notes",
                [
                    ("_form", "creditNote"), ("customerId", f.customer), ("number", "NC-1"), ("issuedOn", ""),
                    ("amount", "100.000,00"), ("reason", "Devolución de 2 cajas"), ("invoice", f.newer),
                ], referer: back)
            #expect(posted.location?.lowercased() == "/invoices/\(f.newer.lowercased())")
            #expect(try await balance(f.newer, h) == 200_000_000 - 10_000_000)
            #expect(try await CreditNote.query(on: h.app.db).count() == 1)
            #expect(try await f.browser.get("/invoices/\(f.newer)").body.contains("Nota crédito NC-1 emitida"))
        }
    }

    @Test func theEarlyPaymentDiscountIsShownAndEarned() async throws {
        try await TestHarness.run { h in
            let f = try await setUp(h, terms: "2/10 net30")
            let form = try await f.browser.get("/payments/new?invoice=\(f.newer)").body
            #expect(form.contains("Pronto pago: pagando $ 1.960.000,00 hasta el"))
            #expect(form.contains("se descuentan $ 40.000,00"))
            _ = try await pay(f, amount: "1.960.000", invoices: [f.newer])
            #expect(try await balance(f.newer, h) == 0)
        }
    }

    @Test func withNoCustomerTheFormAsksWhichOne() async throws {
        try await TestHarness.run { h in
            let f = try await setUp(h)
            let page = try await f.browser.get("/payments/new").body
            #expect(page.contains("id=\"customer-picker\""))
            #expect(page.contains("Lácteos del Valle S.A.S."))
            #expect(try await f.browser.get("/payments/new?q=zzzz").body.contains("Ningún cliente"))
            #expect(try await f.browser.get("/credit-notes/new").body.contains("id=\"customer-picker\""))
            try await f.browser.post("/language", [("lang", "en")], referer: "http://localhost/payments/new")
            let english = try await f.browser.get("/payments/new?customer=\(f.customer)").body
            #expect(english.contains("Record a payment"))
            #expect(english.contains(">Check</option>"))
        }
    }
}
