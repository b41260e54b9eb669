import CarteraCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// The periodic statement goes through the same check as reminders: a bank line in review naming the
/// customer, or an old bank statement in hold mode, holds it with the same reason and task; credit does not.
extension SafetyHoldTests {
    /// Two customers owing invoices not yet due, so Monday 2 March 2026 (the month's first working day)
    /// brings each a statement and no reminder.
    func statementDay(_ h: TestHarness) async throws -> (paid: String, named: String) {
        h.travel(to: "2026-02-18")
        let paid = try await h.customerWithContacts()
        let named = try await h.customerWithContacts("Textiles La Sabana Ltda.")
        _ = try await h.createInvoice(customer: paid, number: "FE-7101", total: "100000.00", issued: "2026-02-18")
        _ = try await h.createInvoice(customer: named, number: "FE-7102", total: "250000.00", issued: "2026-02-18")
        return (paid, named)
    }

    func statements(_ h: TestHarness, customer: String) async throws -> [JSON] {
        try await h.messages(customer: customer).filter { $0["kind"].string == "debt_summary" }
    }

    @Test func aBankLineInReviewHoldsTheStatementButCreditDoesNot() async throws {
        try await TestHarness.run { h in
            let (paid, named) = try await statementDay(h)
            h.travel(to: "2026-03-02")
            // Credit covering everything the first customer owes: their statement shows it, so it goes.
            let payment = try await h.post(
                "/api/v1/payments",
                [
                    "customer_id": paid, "received_on": "2026-03-02", "amount": "100000.00", "method": "transfer",
                    "auto_allocate": false,
                ])
            #expect(payment.status == .created, "\(payment.json)")
            // Booked tomorrow, so it waits in review; it names the second customer's invoice.
            let csv = "date,amount,reference,payer_name\n2026-03-03,250000.00,PAGO FE-7102,Juan Perez\n"
            let upload = try await h.send(
                .POST, "/api/v1/bank-statements?format=csv", rawBody: csv, headers: ["Content-Type": "text/csv"])
            #expect(upload.json["review"].int == 1, "\(upload.json)")

            // 1:00 in Bogotá: the outgoing page shows today's run, the held statement like a held reminder.
            h.clock.set(ISO8601DateFormatter().date(from: "2026-03-02T06:00:00Z")!)
            let web = try await h.signedIn("cobros@empresa.co", role: .collector)
            let page = try await web.get("/outgoing")
            #expect(page.status == .ok)
            let rows = page.body.components(separatedBy: "class=\"outgoing-row\"").dropFirst()
            #expect(rows.count == 2, "\(page.body.prefix(3_000))")
            let heldRow = try #require(rows.first { $0.contains("Textiles La Sabana") })
            #expect(heldRow.contains("Resumen de la deuda") && heldRow.contains("held-reason"), "\(heldRow)")
            #expect(heldRow.contains("en revisión"), "\(heldRow)")
            let goingRow = try #require(rows.first { $0.contains("Ferretería El Progreso") })
            #expect(!goingRow.contains("held-reason"), "credit does not hold a statement: \(goingRow)")
            let dry = try await h.get("/api/v1/reminders/dry-run?date=2026-03-02")
            let planned = dry.json["planned"].array.filter { $0["kind"].string == "debt_summary" }
            #expect(planned.count == 2, "\(dry.json)")
            #expect(planned.first { $0["customer_id"].string == named }?["hold"].string == "bank_line_in_review")
            #expect(planned.first { $0["customer_id"].string == paid }?["hold"].string == nil)

            h.travel(to: "2026-03-02")
            let report = try await h.runReminders()
            #expect(report["summaries_queued"].int == 1 && report["held"].int == 1, "\(report)")
            #expect(try await statements(h, customer: paid).count == 1)
            #expect(try await statements(h, customer: named).isEmpty)
            let tasks = try await safetyTasks(h)
            #expect(tasks.count == 1 && tasks.first?.$customer.id.uuidString == named)
            #expect(tasks.first?.title.hasPrefix("Revisar antes de enviar: Textiles La Sabana") == true)
            #expect(try await AuditEvent.query(on: h.app.db).filter(\.$action == "dunning.held").count() == 1)
        }
    }

    @Test func anOldBankStatementHoldsTheStatementUnlessOnlyWarned() async throws {
        try await TestHarness.run { h in
            let (paid, _) = try await statementDay(h)
            // the newest day the bank told us about: Friday 20 February, six working days before 2 March
            h.travel(to: "2026-02-20")
            let csv = "date,amount,reference,payer_name\n2026-02-20,-50000.00,COMISION,Banco\n"
            let upload = try await h.send(
                .POST, "/api/v1/bank-statements?format=csv", rawBody: csv, headers: ["Content-Type": "text/csv"])
            #expect(upload.status == .created, "\(upload.json)")
            h.travel(to: "2026-03-02")
            let held = try await h.runReminders()
            #expect(held["summaries_queued"].int == 0 && held["held"].int == 2, "\(held)")
            #expect(try await statements(h, customer: paid).isEmpty)
            #expect(try await safetyTasks(h).allSatisfy { $0.title.contains("extracto") })
            #expect(try await safetyTasks(h).count == 2)
            _ = try await h.patch("/api/v1/organisation", ["statement_stale_mode": "warn"])
            let warned = try await h.runReminders()
            #expect(warned["summaries_queued"].int == 2 && warned["held"].int == 0, "\(warned)")
        }
    }
}
