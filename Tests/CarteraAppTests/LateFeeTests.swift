import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// Late fees ("mora"): charged apart from the invoice by the daily pass, once per period,
/// visible to the collector and the customer, waivable with a reason.
@Suite struct LateFeeTests {
    @Test func monthlyInterestOnTheUnpaidBalanceCappedByTheLegalMaximum() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-01-01")
            let refused = try await h.patch(
                "/api/v1/organisation", ["late_fee_policy": "annual_interest", "late_interest_rate": "30,5"])
            #expect(
                refused.status == .unprocessableEntity && refused.json["error"]["field"].string == "late_interest_rate")
            #expect(
                try await h.patch("/api/v1/organisation", ["late_fee_policy": "fixed_per_step"]).json["error"]["field"]
                    .string == "late_fee_amount")
            #expect(
                try await h.get("/api/v1/organisation").json["late_fee_policy"].string == "none",
                "a refused change changes nothing")
            let settings = try await h.patch(
                "/api/v1/organisation",
                ["late_fee_policy": "annual_interest", "late_interest_rate": "30", "legal_maximum_rate": "24"])
            #expect(settings.status == .ok && settings.json["legal_maximum_rate"].string == "24")

            let customer = try await h.customerWithContacts()
            let invoice = try #require(
                try await h.createInvoice(
                    customer: customer, number: "FV-100", total: "1000000.00", issued: "2025-12-16")["id"].string)
            h.travel(to: "2026-02-10")
            #expect(
                try await h.post("/api/v1/payments", ["customer_id": customer, "amount": "400000.00"]).status
                    == .created)
            h.travel(to: "2026-03-02")
            try await h.runReminders()
            try await h.runReminders()

            let fees = try await h.get("/api/v1/late-fees?invoice_id=\(invoice)").json.array
            // January: 16 days on 1 000 000,00 at 24 % (the cap, not the 30 % asked for) = 10 520,55.
            // February: 10 days on 1 000 000,00 (6 575,34) + 18 days on 600 000,00 (7 101,37) = 13 676,71.
            #expect(
                fees.map { $0["period"].string } == ["2026-01", "2026-02"],
                "charged once per month however often the pass runs")
            #expect(fees.map { $0["amount"].string } == ["10520.55", "13676.71"])
            #expect(fees.allSatisfy { $0["rate"].string == "24" && $0["status"].string == "charged" })
            let statement = try await h.get("/api/v1/customers/\(customer)/statement").json["currencies"][0]
            #expect(statement["late_fees"].string == "24197.26")
            #expect(statement["open_balance"].string == "600000.00", "fees never enter the invoice's balance")
            #expect(try await h.get("/api/v1/invoices/\(invoice)").json["balance"].string == "600000.00")

            let january = try #require(fees[0]["id"].string)
            #expect(
                try await h.post("/api/v1/late-fees/\(january)/waive", ["reason": " "]).status == .unprocessableEntity)
            let waived = try await h.post(
                "/api/v1/late-fees/\(january)/waive", ["reason": "Cliente pagó con compromiso"])
            #expect(
                waived.json["status"].string == "waived"
                    && waived.json["waiver_reason"].string == "Cliente pagó con compromiso")
            #expect(try await h.post("/api/v1/late-fees/\(january)/waive", ["reason": "otra vez"]).status == .conflict)
            #expect(
                try await h.get("/api/v1/customers/\(customer)/statement").json["currencies"][0]["late_fees"].string
                    == "13676.71")
            #expect(try await AuditEvent.query(on: h.app.db).filter(\.$action == "late_fee.waived").count() == 1)
            #expect(try await AuditEvent.query(on: h.app.db).filter(\.$action == "late_fee.charged").count() == 2)
        }
    }

    @Test func aFixedFeeForEachOverdueStepReached() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-03-01")
            _ = try await h.patch(
                "/api/v1/organisation", ["late_fee_policy": "fixed_per_step", "late_fee_amount": "25000.00"])
            let customer = try await h.customerWithContacts()
            let invoice = try #require(
                try await h.createInvoice(customer: customer, number: "FV-200", total: "800000.00")["id"].string)
            for day in ["2026-03-21", "2026-03-31", "2026-04-10", "2026-04-20", "2026-04-21"] {
                h.travel(to: day)
                try await h.runReminders()
            }
            let deliveries = try await ReminderDelivery.query(on: h.app.db).all()
            let overdue = deliveries.filter { $0.runOn > "2026-03-31" }.map(\.stepKey).sorted()
            #expect(deliveries.count > overdue.count, "the reminders before and on the due day carry no fee")
            #expect(overdue == ["after_10", "after_20"])
            let fees = try await h.get("/api/v1/late-fees?invoice_id=\(invoice)").json.array
            #expect(fees.map { $0["period"].string! }.sorted() == overdue)
            #expect(fees.allSatisfy { $0["amount"].string == "25000.00" && $0["kind"].string == "step_fee" })
        }
    }

    @Test func theCollectorSeesAndWaivesFeesAndTheCustomerSeesWhatIsOwed() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-01-01")
            _ = try await h.patch(
                "/api/v1/organisation", ["late_fee_policy": "annual_interest", "late_interest_rate": "24"])
            let customer = try await h.customerWithContacts()
            let invoice = try #require(
                try await h.createInvoice(
                    customer: customer, number: "FV-300", total: "1000000.00", issued: "2025-12-16")["id"].string)
            h.travel(to: "2026-02-02")
            try await h.runReminders()
            let fee = try #require(try await LateFee.query(on: h.app.db).first())

            let portalPath = String(
                try #require(try await h.post("/api/v1/customers/\(customer)/portal-links", [:]).json["url"].string)
                    .dropFirst("http://127.0.0.1:8080".count))
            let portal = try await WebClient(app: h.app).get(portalPath)
            #expect(portal.body.contains("id=\"portal-late-fees\"") && portal.body.contains("10.520,55"))

            let browser = try await h.signedIn("gestor@empresa.co", role: .collector)
            let page = try await browser.get("/invoices/\(invoice)")
            let feeID = try fee.requireID()
            #expect(page.body.contains("Intereses de mora al 24 %") && page.body.contains("/late-fees/\(feeID)/waive"))
            #expect(
                try await browser.post("/late-fees/\(try fee.requireID())/waive", [("reason", "Acuerdo comercial")])
                    .status == .seeOther)
            #expect(try await LateFee.find(fee.id, on: h.app.db)?.status == .waived)
            #expect(
                !(try await WebClient(app: h.app).get(portalPath).body.contains("portal-late-fees")),
                "a waived fee is not shown to the customer")
        }
    }
}
