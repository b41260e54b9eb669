import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// Several accounts at once from the worklist: assigned together (all or nothing), statements sent
/// to those that can get one, the rest counted by reason; the same action through the API.
@Suite struct BulkActionsTests {
    @Test func theWorklistAssignsAndSendsStatementsToTheTickedAccounts() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-02-18")
            let first = try await h.customerWithContacts()
            let second = try await h.customerWithContacts("Lácteos Nueva Granada S.A.S.")
            let silent = try await h.createCustomer("Papelería Sin Deuda S.A.S.", extra: ["tax_id": "800200300"])
            for (customer, number) in [(first, "FE-1"), (second, "FE-2")] {
                _ = try await h.createInvoice(
                    customer: customer, number: number, total: "900000.00", issued: "2026-02-18")
            }
            h.travel(to: "2026-04-01")
            let browser = try await h.signedIn("gestor@empresa.co", role: .collector)
            let me = try #require(try await User.query(on: h.app.db).filter(\.$email == "gestor@empresa.co").first())
            let page = try await browser.get("/worklist?scope=all").body
            #expect(page.contains("id=\"bulk-form\"") && page.contains("form=\"bulk-form\""))
            // the scope tabs keep the filters chosen
            #expect(
                try await browser.get("/worklist?scope=all&tag=mayorista").body.contains(
                    "/worklist?scope=mine&amp;tag=mayorista&amp;currency=&amp;calls="))

            let assigned = try await browser.post(
                "/worklist/assign",
                [("customerIds[]", first), ("customerIds[]", second), ("userId", try me.requireID().uuidString)],
                referer: "http://localhost/worklist?scope=all")
            #expect(assigned.status == .seeOther && assigned.location == "/worklist?scope=all")
            for id in [first, second] {
                #expect(try await Customer.find(UUID(uuidString: id), on: h.app.db)?.assignedUserID == me.id)
            }
            #expect(try await AuditEvent.query(on: h.app.db).filter(\.$action == "customer.assigned").count() == 2)
            #expect(try await browser.get("/worklist").body.contains("2 cuenta(s) asignada(s)"))

            // A value that is not a person is refused, never read as "nobody"; nothing changes.
            let refused = try await browser.post(
                "/worklist/assign", [("customerIds[]", first), ("userId", "nadie")],
                referer: "http://localhost/worklist")
            #expect(refused.status == .seeOther)
            #expect(try await Customer.find(UUID(uuidString: first), on: h.app.db)?.assignedUserID == me.id)

            _ = try await browser.post(
                "/worklist/statements",
                [("customerIds[]", first), ("customerIds[]", second), ("customerIds[]", silent)],
                referer: "http://localhost/worklist")
            #expect(
                try await browser.get("/worklist").body.contains("Estado de cuenta en cola para 2 cliente(s); 1 no"))
            #expect(try await OutboxMessage.query(on: h.app.db).filter(\.$kind == .debtSummary).count() == 2)

            // The same action through the API: the second time today, both are already sent.
            let again = try await h.post("/api/v1/worklist/statements", ["customer_ids": [first, second]])
            #expect(again.status == .ok)
            #expect(again.json["done"].int == 0 && again.json["skipped"]["statement_already_sent"].int == 2)
            let api = try await h.post("/api/v1/worklist/assign", ["customer_ids": [first, second], "user_id": ""])
            #expect(api.json["done"].int == 2)
            #expect(try await Customer.find(UUID(uuidString: second), on: h.app.db)?.assignedUserID == nil)
            #expect(try await h.post("/api/v1/worklist/assign", ["customer_ids": []]).status == .unprocessableEntity)
            #expect(
                try await h.post("/api/v1/worklist/assign", ["customer_ids": [UUID().uuidString]]).status == .notFound)
        }
    }
}
