import CarteraCore
import Fluent
import Foundation
import Testing

@testable import CarteraApp

/// Go-live: the collections start is set by the first pass or the first import, editable and audited;
/// an old ledger's invoices get a first notice on day 0 and their later steps count from it.
@Suite struct GoLiveTests {
    @Test func theFirstImportStartsCollectionsAndOldInvoicesGetAFirstNotice() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-10-06") // a Tuesday
            #expect(try await h.get("/api/v1/organisation").json["collections_start"].string == nil)
            // given a real ledger imported on day 0: one invoice 200 days late, one not due yet
            let csv =
                ImportTests.header + "C1,Distribuidora Vieja S.A.S.,OLD-1,2026-02-18,2026-03-20,500.00,500.00,COP,\n"
                + "C1,Distribuidora Vieja S.A.S.,NEW-1,2026-10-01,2026-10-31,100.00,100.00,COP,\n"
            let imported = try await ImportFixtures.post(h, csv, query: "kind=invoices&preset=generic&dry_run=false")
            #expect(imported.status == .created || imported.status == .ok, "\(imported.json)")
            #expect(try await h.get("/api/v1/organisation").json["collections_start"].string == "2026-10-06")
            #expect(
                try await AuditEvent.query(on: h.app.db).filter(\.$action == "organisation.collections_started")
                    .count() == 1)
            // when the daily pass runs on day 0: a first notice for OLD-1, not its letter
            let dry = try await h.get("/api/v1/reminders/dry-run").json
            #expect(dry["planned"].array.count == 1)
            #expect(dry["planned"][0]["steps"].array.compactMap(\.string) == ["first_notice"])
            #expect(dry["planned"][0]["template"].string == "first_notice")
            #expect(dry["planned"][0]["channel"].string == "email")
            // the pass queues it once (to the contact added since), and does not move the start
            let customer = try #require(try await Customer.query(on: h.app.db).first()?.requireID())
            _ = try await h.post(
                "/api/v1/customers/\(customer)/contacts",
                ["name": "Ana Pagos", "role": "billing", "email": "pagos@vieja.com.co"])
            #expect(try await h.runReminders()["messages_queued"].int == 1)
            #expect(try await h.runReminders()["messages_queued"].int == 0)
            #expect(try await h.get("/api/v1/organisation").json["collections_start"].string == "2026-10-06")
            let steps = try await ReminderDelivery.query(on: h.app.db).all().map(\.stepKey)
            #expect(steps == ["first_notice"])
            // the invoice's history says it in words
            let invoice = try #require(try await Invoice.query(on: h.app.db).filter(\.$number == "OLD-1").first())
            let browser = try await h.signedIn("persona@empresa.co", role: .admin)
            let page = try await browser.get("/invoices/\(try invoice.requireID())").body
            #expect(page.contains("Primer aviso (correo)"), "\(page)")
        }
    }

    @Test func theFirstPassStartsCollectionsAndAnAdminCanChangeIt() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-03-02")
            try await h.runReminders()
            #expect(try await h.get("/api/v1/organisation").json["collections_start"].string == "2026-03-02")
            h.travel(to: "2026-03-03")
            try await h.runReminders()
            #expect(try await h.get("/api/v1/organisation").json["collections_start"].string == "2026-03-02")
            let changed = try await h.patch("/api/v1/organisation", ["collections_start": "2026-01-15"])
            #expect(changed.status == .ok)
            #expect(changed.json["collections_start"].string == "2026-01-15")
            let refused = try await h.patch("/api/v1/organisation", ["collections_start": "15/01/2026"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.json["error"]["field"].string == "collections_start")
        }
    }

    @Test func aCustomerInTouchFollowsThePolicyButAnOldInvoiceStillGetsAFirstNotice() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-02-01")
            let customer = try await h.customerWithContacts()
            // an invoice due after go-live gets its before-due reminder: the customer is now in touch
            _ = try await h.createInvoice(
                customer: customer, number: "T-1", total: "100.00", issued: "2026-02-01",
                extra: ["due_date": "2026-03-12"])
            h.travel(to: "2026-03-02")
            try await h.runReminders()
            #expect(try await h.messages(customer: customer).contains { $0["kind"].string == "before_due" })
            // an invoice found later, due long before go-live, with no step: a first notice, not the catch-up call
            _ = try await h.createInvoice(
                customer: customer, number: "T-0", total: "50.00", issued: "2025-12-01",
                extra: ["due_date": "2026-01-20"])
            h.travel(to: "2026-03-04")
            let dry = try await h.get("/api/v1/reminders/dry-run").json
            #expect(dry["planned"][0]["steps"].array.compactMap(\.string) == ["first_notice"], "\(dry)")
        }
    }

    @Test func thePolicyPageShowsWhatAnOldInvoiceGetsAtGoLive() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-10-06")
            let browser = try await h.signedIn("persona@empresa.co", role: .admin)
            let page = try await browser.get("/policies/standard").body
            let section = try #require(page.range(of: "id=\"first-contact-steps\"").map { page[$0.lowerBound...] })
            let list = String(section.prefix(1200))
            // the first notice on day 0, then the second notice 10 days later … and the letter 50 days later
            #expect(list.contains("el primer día: ") && list.contains("Primer aviso (primer contacto)"), "\(list)")
            #expect(list.contains("10 días después") && list.contains("50 días después"))
            #expect(!list.contains("60 días después"))
        }
    }
}
