import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// The statement of account says which open items are disputed, promised (until when) or in a
/// payment plan: as fields in the API, in words on the customer page, the case file, the portal
/// and the emailed statement, all from the same holds.
@Suite struct StatementHoldsTests {
    /// One disputed, one promised (until 25 Mar 2026), one in a plan and one plain invoice, overdue on 15 Mar 2026.
    func fourInvoices(_ h: TestHarness) async throws -> (customer: String, ids: [String: String]) {
        let customer = try await h.customerWithContacts()
        var ids: [String: String] = [:]
        for (number, issued) in [
            ("FE-201", "2026-01-10"), ("FE-202", "2026-01-12"), ("FE-203", "2026-01-14"),
            ("FE-204", "2026-01-16"),
        ] {
            ids[number] = try #require(
                try await h.createInvoice(customer: customer, number: number, total: "100000.00", issued: issued)["id"]
                    .string)
        }
        let disputed = try #require(ids["FE-201"])
        let promised = try #require(ids["FE-202"])
        let planned = try #require(ids["FE-203"])
        try #require(
            try await h.post("/api/v1/invoices/\(disputed)/disputes", ["reason": "Mercancía averiada"]).status
                == .created)
        let promise = try await h.post(
            "/api/v1/customers/\(customer)/promises",
            ["amount": "100000.00", "promised_on": "2026-03-25", "invoice_ids": [promised]])
        try #require(promise.status == .created, "\(promise.json)")
        let plan = try await h.post(
            "/api/v1/customers/\(customer)/payment-plans",
            ["invoice_ids": [planned], "instalments": 4, "first_due_on": "2026-04-01"])
        try #require(plan.status == .created, "\(plan.json)")
        return (customer, ids)
    }

    /// The table row (`<tr>…</tr>`) of a page that names this invoice number.
    func row(_ body: String, _ number: String) -> String {
        body.components(separatedBy: "<tr").first { $0.contains(">\(number)<") } ?? ""
    }

    @Test("the API statement gives each open item's holds as kind and until")
    func apiStatement() async throws {
        try await TestHarness.run { h in
            let (customer, _) = try await fourInvoices(h)
            let reply = try await h.get("/api/v1/customers/\(customer)/statement")
            #expect(reply.status == .ok)
            let items = reply.json["currencies"][0]["open_items"].array
            func holds(_ number: String) -> [JSON] {
                items.first { $0["number"].string == number }?["holds"].array ?? [.string("missing")]
            }
            #expect(holds("FE-201").map { $0["kind"].string } == ["dispute"])
            #expect(holds("FE-201").first?["until"].string == nil)
            #expect(holds("FE-202").map { $0["kind"].string } == ["promise"])
            #expect(holds("FE-202").first?["until"].string == "2026-03-25")
            #expect(holds("FE-203").map { $0["kind"].string } == ["payment_plan"])
            #expect(items.contains { $0["number"].string == "FE-204" && $0["holds"] == .array([]) })
        }
    }

    @Test("the customer page, the case file and the portal mark the rows in words")
    func pages() async throws {
        try await TestHarness.run { h in
            let (customer, _) = try await fourInvoices(h)
            let web = try await h.signedIn("cobros@empresa.co", role: .collector)
            let link = try await h.post("/api/v1/customers/\(customer)/portal-links", [:])
            let portalPath = String(try #require(link.json["url"].string).dropFirst("http://127.0.0.1:8080".count))
            let pages = [
                ("customer page", try await web.get("/customers/\(customer)").body),
                ("case file", try await web.get("/customers/\(customer)/case-file").body),
                ("portal", try await WebClient(app: h.app).get(portalPath).body),
            ]
            for (name, body) in pages {
                #expect(row(body, "FE-201").contains("En disputa"), "\(name)")
                #expect(row(body, "FE-202").contains("Con promesa de pago hasta el 25 mar 2026"), "\(name)")
                #expect(row(body, "FE-203").contains("En plan de pagos"), "\(name)")
                let plain = row(body, "FE-204")
                #expect(!plain.isEmpty && !plain.contains("hold-note") && !plain.contains("paused"), "\(name)")
            }
        }
    }

    @Test("the emailed statement marks the same rows")
    func emailedStatement() async throws {
        try await TestHarness.run { h in
            let (customer, _) = try await fourInvoices(h)
            let sent = try await h.post("/api/v1/customers/\(customer)/statement/send", [:])
            #expect(sent.status == .created, "\(sent.json)")
            let message = try #require(
                try await OutboxMessage.query(on: h.app.db).filter(\.$kind == .debtSummary).first())
            let lines = message.bodyText.components(separatedBy: "\n")
            #expect(lines.contains { $0.contains("FE-201") && $0.contains("en disputa") })
            #expect(lines.contains { $0.contains("FE-202") && $0.contains("con promesa de pago hasta el 25 mar 2026") })
            #expect(lines.contains { $0.contains("FE-203") && $0.contains("en plan de pagos") })
            #expect(lines.contains { $0.contains("FE-204") && !$0.contains(" — en ") && !$0.contains("con promesa") })
            #expect(row(message.bodyHTML, "FE-201").contains("status-note"))
        }
    }
}
