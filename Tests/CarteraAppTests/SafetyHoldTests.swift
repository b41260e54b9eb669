import CarteraCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// The check before anything goes out (a customer who may already have paid is not chased; the collector
/// gets a task instead), and the pauses people place: the organisation's pause, "skip this time", and a
/// manual hold on one invoice.
@Suite struct SafetyHoldTests {
    /// A customer owing 1.000.000 since 3 March 2026 (issued 1 February, 30 days); the run on Friday 13 March.
    func owing(_ h: TestHarness) async throws -> (customer: String, invoice: String) {
        h.travel(to: "2026-02-01")
        try await h.send(.PATCH, "/api/v1/organisation", json: ["summary_frequency": "off"])
        let customer = try await h.customerWithContacts()
        let invoice = try await h.createInvoice(
            customer: customer, number: "FE-7001", total: "1000000.00", issued: "2026-02-01")
        h.travel(to: "2026-03-13")
        return (customer, try #require(invoice["id"].string))
    }

    func reminders(_ h: TestHarness, customer: String) async throws -> [JSON] {
        try await h.messages(customer: customer).filter {
            !["new_invoice", "payment_received"].contains($0["kind"].string ?? "")
        }
    }

    func safetyTasks(_ h: TestHarness) async throws -> [CollectionTask] {
        try await CollectionTask.query(on: h.app.db).filter(\.$dedupeKey =~ "safety_hold:").all()
    }

    @Test func withNothingInTheWayTheReminderGoes() async throws {
        try await TestHarness.run { h in
            let (customer, _) = try await owing(h)
            let report = try await h.runReminders()
            #expect(report["held"].int == 0 && report["messages_queued"].int == 1, "\(report)")
            #expect(try await reminders(h, customer: customer).count == 1)
        }
    }

    @Test func unappliedCreditCoveringTheOverdueBalanceHoldsItAndMakesOneTaskADay() async throws {
        try await TestHarness.run { h in
            let (customer, _) = try await owing(h)
            let paid = try await h.post(
                "/api/v1/payments",
                [
                    "customer_id": customer, "received_on": "2026-03-10", "amount": "1000000.00", "method": "transfer",
                    "auto_allocate": false,
                ])
            #expect(paid.status == .created, "\(paid.json)")
            let dry = try await h.get("/api/v1/reminders/dry-run?date=2026-03-13")
            #expect(dry.json["planned"][0]["hold"].string == "credit_covers", "\(dry.json)")
            let report = try await h.runReminders()
            #expect(report["held"].int == 1 && report["messages_queued"].int == 0, "\(report)")
            #expect(try await reminders(h, customer: customer).isEmpty)
            #expect(try await ReminderDelivery.query(on: h.app.db).count() == 0, "held: reconsidered tomorrow")
            let tasks = try await safetyTasks(h)
            #expect(tasks.count == 1)
            #expect(tasks.first?.title.hasPrefix("Revisar antes de enviar: Ferretería El Progreso S.A.S.") == true)
            #expect(tasks.first?.title.contains("$ 1.000.000") == true, "\(tasks.first?.title ?? "")")
            #expect(try await AuditEvent.query(on: h.app.db).filter(\.$action == "dunning.held").count() == 1)
            // the same day again: no second task
            _ = try await h.runReminders()
            #expect(try await safetyTasks(h).count == 1)
        }
    }

    @Test func creditSmallerThanTheOverdueBalanceDoesNotHold() async throws {
        try await TestHarness.run { h in
            let (customer, _) = try await owing(h)
            _ = try await h.post(
                "/api/v1/payments",
                [
                    "customer_id": customer, "received_on": "2026-03-10", "amount": "999999.99", "method": "transfer",
                    "auto_allocate": false,
                ])
            let report = try await h.runReminders()
            #expect(report["held"].int == 0 && report["messages_queued"].int == 1, "\(report)")
        }
    }

    @Test func aStartedPortalPaymentHoldsIt() async throws {
        try await TestHarness.run { h in
            let (customer, invoice) = try await owing(h)
            let context = try await ServiceContext.make(
                db: h.app.db, actor: Actor(organisationID: h.organisationID, name: "test"), app: h.app)
            let owner = try #require(try await Customer.find(UUID(uuidString: customer), on: h.app.db))
            let link = try await PortalLinks.create(for: owner, in: context, audited: false)
            // what the portal's "pay" records once the checkout is opened
            let started = PortalSubmission()
            started.organisationID = h.organisationID
            started.tokenID = try link.token.requireID()
            started.customerID = try owner.requireID()
            started.form = .pay
            started.accepted = true
            started.subjectID = UUID(uuidString: invoice)
            started.createdAt = h.clock.now()
            try await started.create(on: h.app.db)
            let report = try await h.runReminders()
            #expect(report["held"].int == 1, "\(report)")
            #expect(try await safetyTasks(h).first?.title.contains("pago en línea") == true)
        }
    }

    @Test func aBankLineInReviewNamingTheInvoiceHoldsIt() async throws {
        try await TestHarness.run { h in
            let (customer, _) = try await owing(h)
            // booked tomorrow (a value date ahead): never posted on its own, it waits for a person
            let csv = "date,amount,reference,payer_name\n2026-03-14,250000.00,PAGO PARCIAL FE-7001,Juan Perez\n"
            let upload = try await h.send(
                .POST, "/api/v1/bank-statements?format=csv", rawBody: csv, headers: ["Content-Type": "text/csv"])
            #expect(upload.status == .created, "\(upload.json)")
            #expect(upload.json["review"].int == 1, "\(upload.json)")
            let report = try await h.runReminders()
            #expect(report["held"].int == 1 && report["messages_queued"].int == 0, "\(report)")
            #expect(try await reminders(h, customer: customer).isEmpty)
            #expect(try await safetyTasks(h).first?.title.contains("en revisión") == true)
        }
    }

    @Test func anOldStatementHoldsOrOnlyWarnsAsTheSettingSays() async throws {
        try await TestHarness.run { h in
            let (customer, _) = try await owing(h)
            // a statement whose newest day is Friday 6 March (a debit nobody needs to look at)
            h.travel(to: "2026-03-06")
            let csv = "date,amount,reference,payer_name\n2026-03-06,-50000.00,COMISION,Banco\n"
            let upload = try await h.send(
                .POST, "/api/v1/bank-statements?format=csv", rawBody: csv, headers: ["Content-Type": "text/csv"])
            #expect(upload.status == .created, "\(upload.json)")
            // Friday 13 March: five working days later, more than the 3 allowed
            h.travel(to: "2026-03-13")
            let held = try await h.runReminders()
            #expect(held["held"].int == 1 && held["messages_queued"].int == 0, "\(held)")
            #expect(try await safetyTasks(h).first?.title.contains("extracto") == true)
            // only warn: the message goes
            let patched = try await h.patch("/api/v1/organisation", ["statement_stale_mode": "warn"])
            #expect(patched.json["statement_stale_mode"].string == "warn", "\(patched.json)")
            let warned = try await h.runReminders()
            #expect(warned["held"].int == 0 && warned["messages_queued"].int == 1, "\(warned)")
            #expect(try await reminders(h, customer: customer).count == 1)
        }
    }

    @Test func thePauseSendsNothingUntilItsResumeDay() async throws {
        try await TestHarness.run { h in
            let (customer, _) = try await owing(h)
            let refused = try await h.patch("/api/v1/organisation", ["paused_until": "2026-03-13"])
            #expect(refused.status == .unprocessableEntity, "a pause ends after today")
            let paused = try await h.patch("/api/v1/organisation", ["paused_until": "2026-03-16"])
            #expect(paused.json["paused_until"].string == "2026-03-16", "\(paused.json)")
            let report = try await h.runReminders()
            #expect(report["paused_until"].string == "2026-03-16" && report["messages_queued"].int == 0, "\(report)")
            #expect(try await reminders(h, customer: customer).isEmpty)
            // a payment's thank-you while paused waits for the resume day
            _ = try await h.post(
                "/api/v1/payments",
                ["customer_id": customer, "received_on": "2026-03-13", "amount": "1000.00", "method": "transfer"])
            let thanks = try await OutboxMessage.query(on: h.app.db).filter(\.$kind == .paymentReceived).all()
            #expect(thanks.allSatisfy { $0.nextAttemptAt > h.clock.now() }, "nothing leaves while paused")
            #expect(
                try await AuditEvent.query(on: h.app.db).filter(\.$action == "organisation.updated").all()
                    .contains { $0.details.contains("paused_until") })
            h.travel(to: "2026-03-16")
            let resumed = try await h.runReminders()
            #expect(resumed["paused_until"].string == nil, "\(resumed)")
            #expect(resumed["messages_queued"].int == 1, "\(resumed)")
        }
    }

    @Test func skipThisTimeLeavesTheCustomerOutThatDayOnly() async throws {
        try await TestHarness.run { h in
            let (customer, _) = try await owing(h)
            // 7:00 in Bogotá: the next run is today's, at 8:00
            h.clock.set(ISO8601DateFormatter().date(from: "2026-03-13T12:00:00Z")!)
            let web = try await h.signedIn("cobros@empresa.co", role: .collector)
            let page = try await web.get("/outgoing")
            #expect(page.body.contains("Próximo envío: hoy a las 8:00"), "\(page.body.prefix(3_000))")
            #expect(page.status == .ok)
            #expect(page.body.contains("Ferretería El Progreso S.A.S."), "\(page.body.prefix(2_000))")
            let skipped = try await web.post(
                "/outgoing/skip", [("customer_id", customer), ("date", "2026-03-13")], referer: "/outgoing")
            #expect(skipped.status == .seeOther, "\(skipped.body.prefix(500))")
            let after = try await web.get("/outgoing")
            #expect(after.body.contains("id=\"skipped\""))
            #expect(!after.body.contains("class=\"outgoing-row\""), "the customer left today's list")
            let report = try await h.runReminders()
            #expect(report["messages_queued"].int == 0, "\(report)")
            #expect(
                try await AuditEvent.query(on: h.app.db).filter(\.$action == "customer.run_skipped").count() == 1)
            // undo the same day: back in the run
            try await web.get("/outgoing")
            _ = try await web.post(
                "/outgoing/skip/undo", [("customer_id", customer), ("date", "2026-03-13")], referer: "/outgoing")
            #expect(try await h.runReminders()["messages_queued"].int == 1)
        }
    }

    @Test func aSkipIsForOneDay() async throws {
        try await TestHarness.run { h in
            let (customer, _) = try await owing(h)
            let context = try await ServiceContext.make(
                db: h.app.db, actor: Actor(organisationID: h.organisationID, name: "test"), app: h.app)
            try await HoldService.skip(
                customerID: try #require(UUID(uuidString: customer)), on: try LocalDate(iso: "2026-03-13"),
                in: context)
            #expect(try await h.runReminders()["messages_queued"].int == 0)
            h.travel(to: "2026-03-16")
            #expect(try await h.runReminders()["messages_queued"].int == 1, "Monday: sent")
        }
    }

    @Test func aManualHoldPausesTheInvoiceUntilItsEndDate() async throws {
        try await TestHarness.run { h in
            let (customer, invoice) = try await owing(h)
            let missing = try await h.post("/api/v1/invoices/\(invoice)/hold", ["reason": "Cliente en cierre"])
            #expect(missing.status == .unprocessableEntity)
            let placed = try await h.post(
                "/api/v1/invoices/\(invoice)/hold", ["reason": "Gerente pidió esperar", "until": "2026-03-16"])
            #expect(placed.status == .created, "\(placed.json)")
            #expect(
                placed.json["until"].string == "2026-03-16" && placed.json["reason"].string == "Gerente pidió esperar")
            #expect(try await h.runReminders()["messages_queued"].int == 0)
            let web = try await h.signedIn("cobros@empresa.co", role: .collector)
            let page = try await web.get("/invoices/\(invoice)")
            #expect(page.body.contains("Gerente pidió esperar"), "shown on the invoice page")
            #expect(try await AuditEvent.query(on: h.app.db).filter(\.$action == "invoice.hold_placed").count() == 1)
            h.travel(to: "2026-03-16")
            #expect(try await h.runReminders()["messages_queued"].int == 0, "the end date is the last day held")
            h.travel(to: "2026-03-17")
            #expect(try await h.runReminders()["messages_queued"].int == 1, "released after its end date")
            #expect(try await reminders(h, customer: customer).count == 1)
        }
    }

    @Test func aManualHoldCanBeReleased() async throws {
        try await TestHarness.run { h in
            let (_, invoice) = try await owing(h)
            _ = try await h.post("/api/v1/invoices/\(invoice)/hold", ["reason": "Espera", "until": "2026-04-30"])
            let released = try await h.post("/api/v1/invoices/\(invoice)/hold/release", [:])
            #expect(released.json["released"].int == 1, "\(released.json)")
            #expect(try await h.runReminders()["messages_queued"].int == 1)
        }
    }
}
