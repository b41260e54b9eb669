import CarteraCore
import Testing
import Vapor

@testable import CarteraApp

/// The cash forecast on a ledger whose payment history is known, with today = Wednesday 2026-03-18:
/// week 1 starts Monday 03-16, week 13 starts 06-08 and ends 06-14; later dates are beyond the horizon.
///
/// History: Puntual paid three invoices exactly 10 days after their due date and one disputed
/// invoice 40 days after it. Every median the model uses for undisputed invoices is therefore 10
/// (organisation [10, 10, 10, 40] → 10; Puntual's own → 10). For a disputed invoice, Puntual's
/// disputed median 40 (one invoice) is shrunk toward 10 with weight 1 / (1 + 2): 40/3 + 20/3 = 20 days.
///
///   P-2  Puntual  due 03-03, 250.00 less 50.00 paid   → 03-13 (past)  → week of 03-16:    200.00
///   P-1  Puntual  due 03-31, 1000.00                  → 04-10         → week of 04-06:  1000.00
///   P-4  Puntual  due 04-01, 300.00, disputed         → 04-21         → week of 04-20:   300.00
///   P-3  Puntual  due 06-30, 700.00                   → 07-10         → beyond:          700.00
///   Q-1  Nuevo    due 04-04, 500.00, no own history   → 04-14 (organisation's 10) → week of 04-13: 500.00
///   R-2  Plan     due 03-31, 300.00, not in the plan  → 04-10         → week of 04-06:   300.00
///   R-1  Plan     900.00 in a plan of 3 × 300.00 (03-25, 04-25, 07-01), first instalment paid:
///                 its prediction (03-22) is replaced by 300.00 in the week of 04-20 and 300.00 beyond.
///   U-1  Export   due 03-31, 50.00 USD                → 04-10         → week of 04-06:  50.00 USD
///
/// COP: 03-16 200.00 · 04-06 1300.00 · 04-13 500.00 · 04-20 600.00 · beyond 1000.00; total 3600.00 =
/// the open balance (1000 + 200 + 700 + 300 + 500 + 600 + 300), nothing lost or counted twice.
@Suite struct ForecastTests {
    @Test func weeksFollowTheHistoryAndPlansReplacePredictions() async throws {
        try await TestHarness.run { h in
            try await Self.fixture(h)
            let reply = try await h.get("/api/v1/forecast")
            #expect(reply.status == .ok, "\(reply.json)")
            let forecast = reply.json
            #expect(forecast["as_of"].string == "2026-03-18")
            let weeks = forecast["weeks"].array
            #expect(weeks.count == 13)
            #expect(weeks.first?["start"].string == "2026-03-16")
            #expect(weeks.last?["start"].string == "2026-06-08")
            func amounts(_ index: Int) -> [String: String] {
                Dictionary(
                    uniqueKeysWithValues: weeks[index]["amounts"].array.map {
                        ($0["currency"].string!, $0["amount"].string!)
                    })
            }
            #expect(amounts(0) == ["COP": "200.00"])
            #expect(amounts(1).isEmpty) // R-1's predicted 03-22 would land here: the plan replaces it
            #expect(amounts(2).isEmpty)
            #expect(amounts(3) == ["COP": "1300.00", "USD": "50.00"])
            #expect(amounts(4) == ["COP": "500.00"])
            #expect(amounts(5) == ["COP": "600.00"])
            #expect((6..<13).allSatisfy { amounts($0).isEmpty })
            #expect(
                forecast["beyond_horizon"].array.map { "\($0["currency"].string!) \($0["amount"].string!)" } == [
                    "COP 1000.00"
                ])
            #expect(
                forecast["totals"].array.map { "\($0["currency"].string!) \($0["amount"].string!)" } == [
                    "COP 3600.00", "USD 50.00",
                ])
            #expect(forecast["model"]["settled_invoices"].int == 4)
            #expect(forecast["model"]["plan_instalments"].int == 2)
            #expect(forecast["model"]["predicted_invoices"].int == 7)
            #expect(forecast["model"]["note"].string?.contains("median") == true)
        }
    }

    @Test func withoutAnyHistoryInvoicesAreExpectedOnTheirDueDate() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-03-18")
            let customer = try await h.createCustomer()
            // due 04-09
            _ = try await h.createInvoice(customer: customer, number: "N-1", total: "80.00", issued: "2026-03-10")
            let forecast = try await h.get("/api/v1/forecast").json
            #expect(forecast["weeks"][3]["amounts"][0]["amount"].string == "80.00")
            #expect(forecast["model"]["invoices_by_due_date"].int == 1)
        }
    }

    @Test func pageAndCSVShowTheSameWeeks() async throws {
        try await TestHarness.run { h in
            try await Self.fixture(h)
            let viewer = try await h.signedIn("lectora@ferreteria.co", role: .viewer)
            let page = try await viewer.get("/forecast")
            #expect(page.status == .ok)
            for text in [
                "<svg", "forecast-COP", "forecast-USD", "mediana", "href=\"/forecast.csv\"", "href=\"/reports\"",
            ] {
                #expect(page.body.contains(text), "page lacks \(text)")
            }
            let csv = try await viewer.get("/forecast.csv")
            #expect(csv.status == .ok)
            #expect(csv.headers.contentType?.subType == "csv")
            let lines = csv.body.components(separatedBy: "\r\n")
            #expect(lines[0] == "\u{FEFF}semana,COP,USD")
            #expect(lines[1] == "2026-03-16,200.00,0.00")
            #expect(lines[4] == "2026-04-06,1300.00,50.00")
            #expect(lines.count == 17) // header, 13 weeks, beyond, total, and the final CRLF
            #expect(lines[14] == "despues_de_13_semanas,1000.00,0.00")
            #expect(lines[15] == "total,3600.00,50.00")
            let api = try await h.app.testing().sendRequest(
                .GET, "/api/v1/forecast.csv", headers: ["Authorization": "Bearer \(h.apiKey)"])
            #expect(api.body.string.hasPrefix("week_start,COP,USD\r\n2026-03-16,200.00,0.00\r\n"))
        }
    }

    /// The ledger described above.
    static func fixture(_ h: TestHarness) async throws {
        h.travel(to: "2026-03-18")
        let puntual = try await h.createCustomer("Puntual S.A.S.")
        for (number, issued, paid) in [
            ("P-H1", "2025-10-01", "2025-11-10"), ("P-H2", "2025-11-01", "2025-12-11"),
            ("P-H3", "2025-12-01", "2026-01-10"),
        ] {
            let id = try await invoice(h, puntual, number, "100.00", issued)
            try await pay(h, puntual, id, "100.00", on: paid)
        }
        let disputedOld = try await invoice(h, puntual, "P-H4", "100.00", "2025-12-15") // due 2026-01-14
        try await dispute(h, disputedOld)
        try await pay(h, puntual, disputedOld, "100.00", on: "2026-02-23") // 40 days late

        let p2 = try await invoice(h, puntual, "P-2", "250.00", "2026-02-01") // due 03-03
        try await pay(h, puntual, p2, "50.00", on: "2026-03-10")
        _ = try await invoice(h, puntual, "P-1", "1000.00", "2026-03-01") // due 03-31
        _ = try await invoice(h, puntual, "P-3", "700.00", "2026-03-10", due: "2026-06-30")
        try await dispute(h, try await invoice(h, puntual, "P-4", "300.00", "2026-03-02")) // due 04-01

        let nuevo = try await h.createCustomer("Nuevo Ltda.")
        _ = try await invoice(h, nuevo, "Q-1", "500.00", "2026-03-05") // due 04-04

        let planned = try await h.createCustomer("Plan S.A.")
        let r1 = try await invoice(h, planned, "R-1", "900.00", "2026-02-10") // due 03-12
        _ = try await invoice(h, planned, "R-2", "300.00", "2026-03-01") // due 03-31
        let plan = try await h.post(
            "/api/v1/customers/\(planned)/payment-plans",
            [
                "invoice_ids": [r1],
                "schedule": [
                    ["due_on": "2026-03-25", "amount": "300.00"], ["due_on": "2026-04-25", "amount": "300.00"],
                    ["due_on": "2026-07-01", "amount": "300.00"],
                ],
            ])
        try #require(plan.status == .created, "plan: \(plan.json)")
        try await pay(h, planned, r1, "300.00", on: "2026-03-18")

        let export = try await h.createCustomer("Export LLC", extra: ["currency": "USD"])
        _ = try await invoice(h, export, "U-1", "50.00", "2026-03-01") // due 03-31
    }

    private static func invoice(
        _ h: TestHarness, _ customer: String, _ number: String, _ total: String, _ issued: String, due: String? = nil
    ) async throws -> String {
        try #require(
            try await h.createInvoice(
                customer: customer, number: number, total: total, issued: issued,
                extra: due.map { ["due_date": $0] } ?? [:])["id"].string)
    }

    private static func pay(_ h: TestHarness, _ customer: String, _ invoice: String, _ amount: String, on day: String)
        async throws
    {
        let reply = try await h.post(
            "/api/v1/payments",
            [
                "customer_id": customer, "amount": amount, "received_on": day,
                "allocations": [["invoice_id": invoice, "amount": amount]],
            ])
        try #require(reply.status == .created, "payment: \(reply.json)")
    }

    private static func dispute(_ h: TestHarness, _ invoice: String) async throws {
        try #require(
            try await h.post("/api/v1/invoices/\(invoice)/disputes", ["reason": "no llegó completo"]).status == .created
        )
    }
}
