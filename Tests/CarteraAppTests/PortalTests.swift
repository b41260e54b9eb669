import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// The customer portal: one customer per link, links that expire and can be revoked, and what the
/// customer does there lands on the timeline and the collector's list.
@Suite struct PortalTests {
    func link(_ h: TestHarness, _ customer: String, days: Int? = nil) async throws -> String {
        let reply = try await h.post("/api/v1/customers/\(customer)/portal-links", days.map { ["days": $0] } ?? [:])
        try #require(reply.status == .created, "\(reply.json)")
        let url = try #require(reply.json["url"].string)
        #expect(url.hasPrefix("http://127.0.0.1:8080/portal/pt_"))
        return String(url.dropFirst("http://127.0.0.1:8080".count))
    }

    @Test func aLinkShowsItsOwnCustomerOnlyAndForgedLinksShowNothing() async throws {
        try await TestHarness.run { h in
            let a = try await h.createCustomer("Cliente A S.A.S.")
            let b = try await h.createCustomer("Cliente B S.A.S.")
            let invoiceA = try #require(
                try await h.createInvoice(customer: a, number: "FA-7001", total: "100.00")["id"].string)
            let invoiceB = try #require(
                try await h.createInvoice(customer: b, number: "FB-8002", total: "200.00")["id"].string)
            let pathA = try await link(h, a)
            let browser = WebClient(app: h.app)
            let page = try await browser.get(pathA)
            #expect(page.status == .ok)
            #expect(page.body.contains("Cliente A S.A.S.") && page.body.contains("FA-7001"))
            #expect(!page.body.contains("FB-8002") && !page.body.contains("Cliente B"))
            #expect(try await browser.get("\(pathA)/invoices/\(invoiceA)").status == .ok)
            #expect(try await browser.get("\(pathA)/invoices/\(invoiceB)").status == .notFound)
            // forged, truncated or altered links are all the same 404
            for forged in [
                "/portal/pt_" + String(repeating: "A", count: 43), "/portal/\(String(pathA.dropFirst(8).dropLast(1)))",
                "/portal/\(a)", pathA + "x",
            ] {
                #expect(try await browser.get(forged).status == .notFound, "\(forged)")
            }
            // the statement downloads as CSV
            let csv = try await browser.get("\(pathA)/statement.csv")
            #expect(csv.body.contains("FA-7001") && !csv.body.contains("FB-8002"))
        }
    }

    @Test func linksExpireAndCanBeRevoked() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            _ = try await h.createInvoice(customer: customer, number: "F-1", total: "100.00")
            let short = try await link(h, customer, days: 1)
            let long = try await link(h, customer)
            let browser = WebClient(app: h.app)
            #expect(try await browser.get(short).status == .ok)
            h.clock.advance(days: 2)
            #expect(try await browser.get(short).status == .notFound)
            #expect(try await browser.get(long).status == .ok)
            #expect(try await h.post("/api/v1/customers/\(customer)/portal-links/revoke", [:]).json["revoked"].int == 2)
            #expect(try await browser.get(long).status == .notFound)
            #expect(
                try await h.post("/api/v1/customers/\(customer)/portal-links", ["days": 400]).json["error"]["field"]
                    .string == "days")
            // only a hash of the secret is stored
            let stored = try await PortalToken.query(on: h.app.db).all().map(\.secretHash)
            #expect(stored.allSatisfy { $0.count == 64 && !long.contains($0) })
        }
    }

    @Test func whatTheCustomerDoesLandsOnTheTimelineAndTheCollectorsList() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-03-01")
            let customer = try await h.customerWithContacts()
            let invoice = try #require(
                try await h.createInvoice(customer: customer, number: "FE-9", total: "500000.00", issued: "2026-03-01")[
                    "id"
                ].string)
            let path = try await link(h, customer)
            let browser = WebClient(app: h.app)
            try await browser.get(path)
            #expect(
                try await browser.post(
                    "\(path)/promise",
                    [
                        ("amount", "500000.00"), ("promisedOn", "2026-04-05"), ("note", "Pagamos el 5"),
                        ("invoiceIds", invoice),
                    ]
                ).location == path)
            try await browser.get(path)
            #expect(
                try await browser.post("\(path)/dispute", [("invoiceId", invoice), ("reason", "Falta una caja")]).status
                    == .seeOther)
            try await browser.get(path)
            #expect(
                try await browser.post(
                    "\(path)/plan-request", [("instalments", "4"), ("note", "Flujo de caja apretado")]
                ).status == .seeOther)
            let page = try await browser.get(path)
            #expect(page.body.contains("Recibimos su solicitud"))

            let kinds = try await h.get("/api/v1/customers/\(customer)/timeline").json.array.compactMap {
                $0["kind"].string
            }
            #expect(kinds.contains("promise") && kinds.contains("dispute_opened") && kinds.contains("note"))
            let tasks = try await h.get("/api/v1/tasks").json.array.compactMap { $0["title"].string }
            #expect(tasks.contains { $0.contains("prometió pagar $ 500.000,00 el 5 abr 2026 (portal)") })
            #expect(tasks.contains { $0.contains("reclamó la factura FE-9") })
            #expect(tasks.contains { $0.contains("4 cuotas") })
            let actors = try await AuditEvent.query(on: h.app.db).filter(\.$action == "promise.created").all().map(
                \.actor)
            #expect(actors == ["portal:Ferretería El Progreso S.A.S."])
            // bad input from the portal changes nothing
            try await browser.get(path)
            _ = try await browser.post("\(path)/plan-request", [("instalments", "99")])
            #expect(try await Interaction.query(on: h.app.db).count() == 1)
        }
    }

    @Test func everyMessageCarriesAPortalLinkThatOpensTheCustomersPage() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-03-01")
            let customer = try await h.customerWithContacts()
            _ = try await h.createInvoice(customer: customer, number: "FE-77", total: "120000.00", issued: "2026-03-01")
            let message = try #require(try await h.messages(customer: customer).first)
            let body = try #require(message["body_text"].string)
            let range = try #require(body.range(of: "http://127.0.0.1:8080/portal/"))
            let path = "/portal/" + body[range.upperBound...].prefix { !$0.isWhitespace }
            let page = try await WebClient(app: h.app).get(path)
            #expect(page.status == .ok)
            #expect(page.body.contains("FE-77"))
        }
    }
}
