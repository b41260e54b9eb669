import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// A promise names the invoices it covers; only those pause. Without a choice: the oldest owed
/// (overdue first) up to the promised amount, from the API, a call and the customer page alike.
@Suite struct PromiseCoverageAPITests {
    /// 10 M due 1 Mar and 8 M due 20 Feb overdue on 1 Apr, 494 M due 30 Apr.
    func ledger(_ h: TestHarness) async throws -> (customer: String, older: String, old: String, big: String) {
        h.travel(to: "2026-01-21")
        let customer = try await h.customerWithContacts()
        func invoice(_ number: String, _ total: String, _ issued: String) async throws -> String {
            let created = try await h.createInvoice(customer: customer, number: number, total: total, issued: issued)
            return try #require(created["id"].string)
        }
        let older = try await invoice("FE-9", "8000000.00", "2026-01-21")
        let old = try await invoice("FE-7", "10000000.00", "2026-01-30")
        let big = try await invoice("FE-3", "494000000.00", "2026-03-31")
        h.travel(to: "2026-04-01")
        return (customer, older, old, big)
    }

    func paused(_ h: TestHarness, _ invoice: String) async throws -> Bool? {
        try await h.get("/api/v1/invoices/\(invoice)/reminders").json["paused"].bool
    }

    @Test func aPromiseFromACallCoversTheOldestOverdueUpToItsAmount() async throws {
        try await TestHarness.run { h in
            let (customer, older, old, big) = try await ledger(h)
            // when: a $15 M promise logged from a call, no invoice named
            let call = try await h.post(
                "/api/v1/customers/\(customer)/calls",
                ["outcome": "promise", "promise_amount": "15000000.00", "promised_on": "2026-04-10"])
            #expect(call.status == .created, "\(call.json)")
            // then: the two overdue ones (the second partly) pause, the $494 M one does not
            let promises = try await h.get("/api/v1/customers/\(customer)/promises").json.array
            #expect(promises.count == 1)
            #expect(Set(promises.first?["invoice_ids"].array.compactMap(\.string) ?? []) == [older, old])
            #expect(try await paused(h, older) == true)
            #expect(try await paused(h, old) == true)
            #expect(try await paused(h, big) == false)
            // named invoices are kept as named
            let named = try await h.post(
                "/api/v1/customers/\(customer)/promises",
                ["amount": "1000.00", "promised_on": "2026-04-12", "invoice_ids": [big]])
            #expect(named.status == .created, "\(named.json)")
            #expect(named.json["invoice_ids"].array.compactMap(\.string) == [big])
        }
    }

    @Test func theCustomerPageLetsTheCollectorTickTheInvoicesAndShowsWhatAPromiseCovers() async throws {
        try await TestHarness.run { h in
            let (customer, _, old, big) = try await ledger(h)
            let browser = try await h.signedIn("gestor@empresa.co", role: .collector)
            let page = try await browser.get("/customers/\(customer)")
            #expect(page.body.contains("class=\"promise-invoice\""))
            #expect(page.body.contains("Si no marca ninguna"))
            // ticked: only that one
            let ticked = try await browser.post(
                "/customers/\(customer)/calls",
                [
                    ("contact", ""), ("outcome", "promise"), ("promiseAmount", "5.000.000,00"),
                    ("promisedOn", "2026-04-10"), ("invoiceIds[]", old), ("note", ""), ("followUpOn", ""),
                ], referer: "http://localhost/customers/\(customer)")
            #expect(ticked.status == .seeOther)
            #expect(try await paused(h, old) == true)
            #expect(try await paused(h, big) == false)
            // none ticked: the rule's choice, the oldest overdue up to $15 M
            let untouched = try await browser.post(
                "/customers/\(customer)/promises",
                [("amount", "15.000.000,00"), ("promisedOn", "2026-04-15")],
                referer: "http://localhost/customers/\(customer)")
            #expect(untouched.status == .seeOther)
            let shown = try await browser.get("/customers/\(customer)")
            #expect(shown.body.contains("Cubre FE-7<"), "\(shown.body)")
            #expect(shown.body.contains("Cubre FE-9, FE-7<"))
            #expect(try await paused(h, big) == false)
        }
    }
}
