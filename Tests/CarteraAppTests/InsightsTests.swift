import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// Risk with its reasons and the expected payment date, through the API and the pages, from a
/// payment history built by hand.
@Suite struct InsightsTests {
    /// Invoices issued `issued`, due 30 days later (net30), paid `paidDaysLate` after the due date.
    func history(_ h: TestHarness, customer: String, prefix: String, paidDaysLate: [Int]) async throws {
        for (index, late) in paidDaysLate.enumerated() {
            let issued = LocalDateText.day(from: "2025-06-02", plus: index * 7)
            h.travel(to: issued)
            _ = try await h.createInvoice(
                customer: customer, number: "\(prefix)-\(index)", total: "100000.00", issued: issued)
            h.travel(to: LocalDateText.day(from: issued, plus: 30 + late))
            let paid = try await h.post("/api/v1/payments", ["customer_id": customer, "amount": "100000.00"])
            try #require(paid.status == .created)
        }
    }

    @Test func riskLevelFiguresAndReasonsFollowThePaymentHistory() async throws {
        try await TestHarness.run { h in
            let late = try await h.createCustomer("Pagador Tardío S.A.S.")
            // 10 paid invoices, 7 late: 0,0,0,10,20,20,30,30,40,80 days → average 230/10 = 23; p90 (rank 9) = 40.
            try await history(h, customer: late, prefix: "T", paidDaysLate: [0, 0, 0, 10, 20, 20, 30, 30, 40, 80])
            h.travel(to: "2026-03-01")
            let risk = try await h.get("/api/v1/customers/\(late)/risk").json
            #expect(risk["level"].string == "high")
            #expect(risk["paid_count"].int == 10 && risk["paid_late_count"].int == 7)
            #expect(risk["on_time_rate"].string == "30.00")
            #expect(risk["average_days_late"].int == 23 && risk["p90_days_late"].int == 40)
            #expect(risk["reasons"][0]["code"].string == "late")
            #expect(risk["reasons"][0]["message"].string == "7 de 10 facturas pagadas con atraso, 23 días en promedio")
            #expect(
                risk["reasons"].array.map { $0["code"].string } == ["late", "slowest"],
                "p90 of 40 days > 30 adds a medium reason")

            let punctual = try await h.createCustomer("Pagador Puntual S.A.S.")
            try await history(h, customer: punctual, prefix: "P", paidDaysLate: [0, 0, -5, 0])
            h.travel(to: "2026-03-01")
            let good = try await h.get("/api/v1/customers/\(punctual)/risk").json
            #expect(
                good["level"].string == "low" && good["reasons"].array.isEmpty
                    && good["on_time_rate"].string == "100.00")
            // An invoice 60 days overdue is seen at once: 100 % of the open balance seriously overdue is high.
            _ = try await h.createInvoice(
                customer: punctual, number: "P-OVERDUE", total: "50000.00", issued: "2025-12-01")
            let now = try await h.get("/api/v1/customers/\(punctual)/risk").json
            #expect(now["level"].string == "high" && now["overdue_share"].string == "100.00")
            #expect(now["reasons"][0]["message"].string == "100 % del saldo abierto lleva más de 30 días vencido")
            // … and paying it brings the customer back to low.
            _ = try await h.post("/api/v1/payments", ["customer_id": punctual, "amount": "50000.00"])
            // 1 of 5 paid late (20 %, not above the 20 % limit), average 60/5 = 12 days > 10: medium.
            let after = try await h.get("/api/v1/customers/\(punctual)/risk").json
            #expect(
                after["level"].string == "medium" && after["paid_late_count"].int == 1
                    && after["average_days_late"].int == 12)

            let browser = try await h.signedIn("gestor@empresa.co", role: .viewer)
            let page = try await browser.get("/customers/\(late)")
            #expect(
                page.body.contains("id=\"risk-figures\"") && page.body.contains("3 de 10 (30,00 %)")
                    && page.body.contains("40 días"))
            #expect(try await h.get("/api/v1/customers/\(UUID())/risk").status == .notFound)
        }
    }

    @Test func theExpectedPaymentDateComesFromTheCustomersHistory() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer("Siempre Diez Días S.A.S.")
            let other = try await h.createCustomer("Otro Cliente S.A.S.")
            // This customer always pays 10 days late; the other pays on the due date.
            try await history(h, customer: customer, prefix: "D", paidDaysLate: Array(repeating: 10, count: 20))
            try await history(h, customer: other, prefix: "O", paidDaysLate: Array(repeating: 0, count: 5))
            h.travel(to: "2026-03-01")
            let open = try #require(
                try await h.createInvoice(
                    customer: customer, number: "D-OPEN", total: "70000.00", issued: "2026-03-01")["id"].string)
            let prediction = try await h.get("/api/v1/invoices/\(open)/prediction").json
            // due 2026-03-31 + 10 days; 20 invoices of the customer's own: weight 20/25 → still 10 days, basis "customer".
            #expect(prediction["expected_on"].string == "2026-04-10")
            #expect(prediction["expected_delay_days"].int == 10 && prediction["basis"].string == "customer")
            #expect(prediction["customer_history_count"].int == 20)

            let newcomer = try await h.createCustomer("Cliente Nuevo S.A.S.")
            let fresh = try #require(
                try await h.createInvoice(customer: newcomer, number: "N-1", total: "10000.00", issued: "2026-03-01")[
                    "id"
                ].string)
            let guess = try await h.get("/api/v1/invoices/\(fresh)/prediction").json
            // organisation: 20 × 10 days and 5 × 0 days → median 10.
            #expect(guess["basis"].string == "organisation" && guess["expected_on"].string == "2026-04-10")

            let browser = try await h.signedIn("gestor@empresa.co", role: .viewer)
            let page = try await browser.get("/invoices/\(open)")
            #expect(page.body.contains("id=\"invoice-prediction\"") && page.body.contains("20 facturas pagadas"))
            _ = try await h.post("/api/v1/payments", ["customer_id": customer, "amount": "70000.00"])
            #expect(
                try await h.get("/api/v1/invoices/\(open)/prediction").json["expected_on"].isNull,
                "a paid invoice has nothing to predict")
        }
    }

    @Test func theEvaluationCommandBeatsTheDueDateBaselineOnThePublicDataset() async throws {
        try await TestHarness.run { h in
            let dataset = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
                .appendingPathComponent("data/ibm-accounts-receivable.csv").path
            let output = try await RecordingConsole.run(EvaluatePredictionsCommand(), ["--file", dataset], app: h.app)
            #expect(output.contains("2466 settled invoices"))
            let maes = output.split(separator: "\n").filter { $0.contains("MAE") == false && $0.contains("%") }
                .compactMap { line in line.split(separator: " ").compactMap { Double($0) }.first }
            #expect(maes.count == 2)
            #expect(maes[0] < maes[1], "model MAE \(maes[0]) must beat the baseline's \(maes[1])")
            await #expect {
                try await RecordingConsole.run(
                    EvaluatePredictionsCommand(), ["--file", "/nonexistent.csv"], app: h.app)
            } throws: {
                ($0 as? CommandArgumentError)?.field == "--file"
            }
        }
    }
}
