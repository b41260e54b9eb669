import CarteraCore
import Fluent
import Testing
import Vapor

@testable import CarteraApp

@Suite struct AgingAPITests {
    /// (due date, total) around the bucket limits, with today = 2026-03-15.
    static let dueDates: [(String, String)] = [
        ("2026-03-15", "1.00"), // 0 days: current
        ("2026-03-14", "2.00"), // 1 day: 1–30
        ("2026-02-13", "4.00"), // 30 days: 1–30
        ("2026-02-12", "8.00"), // 31 days: 31–60
        ("2026-01-14", "16.00"), // 60 days: 31–60
        ("2026-01-13", "32.00"), // 61 days: 61–90
        ("2025-12-15", "64.00"), // 90 days: 61–90
        ("2025-12-14", "128.00"), // 91 days: 90+
    ]

    @Test func agingBucketsAtTheirLimitsPerCurrency() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            for (index, (due, total)) in Self.dueDates.enumerated() {
                _ = try await h.createInvoice(
                    customer: customer, number: "A-\(index)", total: total, issued: "2025-12-01",
                    extra: ["due_date": due])
            }
            let dollars = try await h.createCustomer("Export LLC", extra: ["currency": "USD"])
            _ = try await h.createInvoice(customer: dollars, number: "X-1", total: "1000.00", issued: "2026-03-01")
            _ = try await h.createInvoice(
                customer: customer, number: "D-1", total: "9999.00", extra: ["status": "draft"])

            let aging = try await h.get("/api/v1/aging")
            #expect(aging.status == .ok)
            #expect(aging.json["as_of"].string == "2026-03-15")
            let cop = aging.json["currencies"][0]
            #expect(cop["currency"].string == "COP")
            #expect(
                cop["buckets"].object.mapValues { $0.string } == [
                    "current": "1.00", "days_1_30": "6.00", "days_31_60": "24.00", "days_61_90": "96.00",
                    "over_90": "128.00",
                ])
            #expect(cop["total"].string == "255.00")
            #expect(cop["invoice_count"].int == 8)
            #expect(aging.json["currencies"][1]["currency"].string == "USD")
            #expect(aging.json["currencies"][1]["buckets"]["current"].string == "1000.00")

            let earlier = try await h.get("/api/v1/aging?as_of=2026-01-01")
            #expect(earlier.json["currencies"][0]["buckets"]["over_90"].string == "0.00")
            #expect(try await h.get("/api/v1/aging?as_of=2026-13-01").json["error"]["field"].string == "as_of")
        }
    }

    @Test func sqlAgingAgreesWithTheDomainRuleOnRandomLedgers() async throws {
        try await TestHarness.run { h in
            var rng = SeededGenerator(seed: 7)
            let customer = try await h.createCustomer()
            let today = try LocalDate(iso: "2026-03-15")
            for index in 0..<60 {
                let due = today.addingClamped(days: -Int.random(in: -20...150, using: &rng))
                _ = try await h.createInvoice(
                    customer: customer, number: "R-\(index)",
                    total: "\(Int.random(in: 1...5000, using: &rng)).\(Int.random(in: 10...99, using: &rng))",
                    issued: due.addingClamped(days: -30).iso, extra: ["due_date": due.iso])
            }
            _ = try await h.post("/api/v1/payments", ["customer_id": customer, "amount": "20000.00"])
            for asOf in [today, today.addingClamped(days: 45), today.addingClamped(days: -60)] {
                let invoices = try await Invoice.query(on: h.app.db).filter(\.$status ~~ [.open, .partiallyPaid]).all()
                let expected = try AgingReport.reports(
                    asOf: asOf, items: try invoices.map { (balance: try $0.balance, dueDate: try $0.due) })
                let actual = try await AgingQuery.reports(organisationID: h.organisationID, asOf: asOf, on: h.app.db)
                    .map(\.report)
                #expect(actual == expected, "as of \(asOf)")
            }
        }
    }

    @Test func customerStatementShowsOpenItemsCreditAndAging() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            // due 01-31, 43 days
            _ = try await h.createInvoice(customer: customer, number: "F-1", total: "100.00", issued: "2026-01-01")
            // due 03-31
            _ = try await h.createInvoice(customer: customer, number: "F-2", total: "50.00", issued: "2026-03-01")
            _ = try await h.createInvoice(customer: customer, number: "F-3", total: "10.00", issued: "2026-03-01")
            _ = try await h.post(
                "/api/v1/payments",
                [
                    "customer_id": customer, "amount": "10.00",
                    "allocations": [["invoice_id": try await firstID(h, "F-3"), "amount": "10.00"]],
                ])
            _ = try await h.post(
                "/api/v1/payments", ["customer_id": customer, "amount": "5.00", "auto_allocate": false])

            let statement = try await h.get("/api/v1/customers/\(customer)/statement")
            let cop = statement.json["currencies"][0]
            #expect(cop["open_items"].array.compactMap { $0["number"].string } == ["F-1", "F-2"])
            #expect(cop["open_items"][0]["days_past_due"].int == 43)
            #expect(cop["open_items"][0]["aging_bucket"].string == "days_31_60")
            #expect(cop["open_balance"].string == "150.00")
            #expect(cop["unapplied_credit"].string == "5.00")
            #expect(cop["net_balance"].string == "145.00")
            #expect(cop["aging"]["days_31_60"].string == "100.00")
            #expect(cop["aging"]["current"].string == "50.00")
            #expect(try await h.get("/api/v1/customers/\(UUID())/statement").status == .notFound)
        }
    }

    private func firstID(_ h: TestHarness, _ number: String) async throws -> String {
        try #require(
            try await h.get("/api/v1/invoices").json["items"].array.first { $0["number"].string == number }?["id"]
                .string)
    }
}
