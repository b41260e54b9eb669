import CarteraCore
import Fluent
import SQLKit
import Testing
import Vapor

@testable import CarteraApp

/// The stored per-customer summaries: written in the transaction that changes the money, caught up
/// by readers after work that bypasses services, moved on by the day, and checked against the ledger.
@Suite struct CustomerSummariesTests {
    private func context(_ h: TestHarness) async throws -> ServiceContext {
        try await ServiceContext.make(
            db: h.app.db, actor: Actor(organisationID: h.organisationID, name: "test"), app: h.app)
    }

    private func storedSummary(_ h: TestHarness, _ id: UUID) async throws -> CustomerSummary {
        try #require(
            try await CustomerSummaries.stored(organisationID: h.organisationID, customerIDs: [id], on: h.app.db)[id])
    }

    private func marks(_ h: TestHarness) async throws -> Int {
        struct Row: Decodable { let n: Int64 }
        return Int(
            try await h.app.db.sql.raw("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM customer_summary_marks").first(
                decoding: Row.self)?.n ?? 0)
    }

    @Test func aPaymentRewritesTheSummaryInItsOwnTransaction() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            let service = try await context(h)
            _ = try await h.createInvoice(customer: customer, number: "FE-1", total: "1000000.00", issued: "2026-01-10")
            // Before the day's first pass a transaction leaves its marks: that pass summarises everyone.
            #expect(try await marks(h) == 1)
            try await CustomerSummaries.current(in: service)
            #expect(try await marks(h) == 0)
            _ = try await h.createInvoice(customer: customer, number: "FE-2", total: "500000.00", issued: "2026-03-10")
            #expect(try await marks(h) == 0, "the invoice transaction summarised its customer before committing")
            let id = try #require(UUID(uuidString: customer))
            var summary = try await storedSummary(h, id)
            // FE-1 net 30 from 10 Jan is due 9 Feb: overdue on 15 Mar; FE-2 is not due yet.
            #expect(summary.balances.map(\.owed) == [150_000_000])
            #expect(summary.balances.map(\.overdue) == [100_000_000])
            #expect(summary.score > 0)

            let paid = try await h.post("/api/v1/payments", ["customer_id": customer, "amount": "1000000.00"])
            #expect(paid.status == .created)
            #expect(try await marks(h) == 0)
            summary = try await storedSummary(h, id)
            #expect(summary.balances.map(\.owed) == [50_000_000])
            #expect(summary.balances.map(\.overdue) == [0])
            #expect(summary.score == 0)
            #expect(try await CustomerSummaries.mismatches(in: service) == [])
        }
    }

    @Test func aChangeBehindTheServicesIsMarkedAndCaughtUpByTheNextReader() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            _ = try await h.createInvoice(customer: customer, number: "FE-1", total: "1000.00", issued: "2026-01-10")
            let service = try await context(h)
            try await CustomerSummaries.current(in: service)
            // A hand-written fix straight in SQL: the trigger marks the customer.
            try await h.app.db.sql.raw("UPDATE invoices SET balance_minor = 40000 WHERE number = 'FE-1'").run()
            #expect(try await marks(h) == 1)
            #expect(try await CustomerSummaries.mismatches(in: service).count == 1)
            let page = try await h.get("/api/v1/worklist")
            #expect(page.status == .ok)
            #expect(try await marks(h) == 0)
            #expect(try await CustomerSummaries.mismatches(in: service) == [])
        }
    }

    @Test func aStoredFigureThatDisagreesWithTheLedgerIsReported() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            _ = try await h.createInvoice(customer: customer, number: "FE-1", total: "1000.00", issued: "2026-01-10")
            let service = try await context(h)
            try await CustomerSummaries.current(in: service)
            try await h.app.db.sql.raw("UPDATE customer_summaries SET score = score + 1").run()
            let found = try await CustomerSummaries.mismatches(in: service)
            #expect(found.count == 1)
            #expect(found.first?.contains(customer.uppercased()) == true || found.first?.contains(customer) == true)
        }
    }

    @Test func aNewDayMovesTheBucketsOnTheFirstRead() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            // Net 30 from 14 Feb: due 16 Mar, the day after the harness's today.
            _ = try await h.createInvoice(customer: customer, number: "FE-1", total: "1000.00", issued: "2026-02-14")
            let service = try await context(h)
            try await CustomerSummaries.current(in: service)
            let id = try #require(UUID(uuidString: customer))
            var summary = try await storedSummary(h, id)
            #expect(summary.balances.first?.overdue == 0)
            h.clock.advance(days: 3)
            try await CustomerSummaries.current(in: service)
            summary = try await storedSummary(h, id)
            #expect(summary.balances.first?.overdue == 100_000)
            #expect(summary.maximumDaysOverdue == 2)
            #expect(try await CustomerSummaries.mismatches(in: service) == [])
        }
    }

    @Test func changingTheReferenceRatesRescoresEveryone() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer("Importadora", extra: ["currency": "USD"])
            _ = try await h.createInvoice(
                customer: customer, number: "US-1", total: "1000.00", issued: "2026-01-10", extra: ["currency": "USD"])
            let service = try await context(h)
            try await CustomerSummaries.current(in: service)
            try await h.app.db.sql.raw(
                "UPDATE organisations SET reference_rates = 'USD=4000' WHERE id = \(bind: h.organisationID)"
            ).run()
            let fresh = try await context(h)
            try await CustomerSummaries.current(in: fresh)
            #expect(try await CustomerSummaries.mismatches(in: fresh) == [])
            let id = try #require(UUID(uuidString: customer))
            let summary = try await storedSummary(h, id)
            #expect(summary.owedBase == 4_000_000 * 100)
        }
    }
}

/// The worklist is ranked and paged in SQL: page 2 continues where page 1 ended, in the same order.
@Suite struct WorklistPagingTests {
    @Test func theSecondPageContinuesTheFirst() async throws {
        try await TestHarness.run { h in
            // 4,000 invoices of 400 customers, most of them overdue, written by bulk SQL (marked by triggers).
            try await SyntheticLedger.generate(
                invoices: 4_000, organisationID: h.organisationID, today: try LocalDate(iso: "2026-03-15"),
                on: h.app.db)
            let web = try await h.signedIn("cobranza@empresa.co", role: .admin)
            let first = try await web.get("/worklist?scope=all")
            #expect(first.status == .ok)
            #expect(first.body.contains("id=\"worklist-pager\""))
            #expect(first.body.contains("page=2"))
            let second = try await web.get("/worklist?scope=all&page=2")
            #expect(second.status == .ok)
            // Positions continue: the first row of page 2 is number 201.
            #expect(second.body.contains("<td>201</td>"))
            #expect(!second.body.contains("<td>200</td>"))
            // The page's first 200 are the API's 200, in the same order.
            let api = try await h.get("/api/v1/worklist")
            let names = api.json.array.compactMap { $0["legal_name"].string }
            #expect(names.count == 200)
            let positions = names.compactMap { first.body.range(of: ">\($0)<")?.lowerBound }
            #expect(positions.count == 200)
            #expect(positions == positions.sorted())
        }
    }
}
