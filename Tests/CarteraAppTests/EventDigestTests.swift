import CarteraCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// "In the day's message": a new invoice or a payment of a kind the organisation sends that way never
/// goes alone at the moment of the event; it waits for the next daily run and rides in that day's
/// reminder as one line, or goes alone at that hour when the customer gets no reminder that day.
@Suite struct EventDigestTests {
    private func at(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    private func messages(_ h: TestHarness, on day: String, kind: ReminderKind? = nil) async throws
        -> [OutboxMessage]
    {
        let query = OutboxMessage.query(on: h.app.db).filter(\.$status != .cancelled)
            .filter(\.$scheduledOn == day).sort(\.$createdAt)
        if let kind { query.filter(\.$kind == kind) }
        return try await query.all()
    }

    private func pay(_ h: TestHarness, _ customer: String, _ amount: String, _ reference: String) async throws {
        let paid = try await h.post(
            "/api/v1/payments", ["customer_id": customer, "amount": amount, "reference": reference])
        try #require(paid.status == .created, "\(paid.json)")
    }

    private func digest(_ h: TestHarness, _ kinds: [String]) async throws {
        let saved = try await h.patch("/api/v1/organisation", ["digest_kinds": kinds])
        try #require(saved.status == .ok, "\(saved.json)")
    }

    /// A customer with FE-1 due Tuesday 10 March (its due-day reminder that day) and FE-2 due Saturday 21
    /// March (its reminder ten days before, Wednesday 11 March); the day's reminder went at 8:00 Bogotá.
    private func customerRemindedOnTuesday(_ h: TestHarness) async throws -> String {
        h.travel(to: "2026-03-02")
        let customer = try await h.customerWithContacts()
        _ = try await h.createInvoice(
            customer: customer, number: "FE-1", total: "500000.00", issued: "2026-03-02",
            extra: ["due_date": "2026-03-10"])
        _ = try await h.createInvoice(
            customer: customer, number: "FE-2", total: "900000.00", issued: "2026-03-02",
            extra: ["due_date": "2026-03-21"])
        h.clock.set(at("2026-03-10T13:00:00Z"))
        _ = try await h.runReminders()
        _ = try await BackgroundJobs.deliverOutbox(app: h.app, workerID: "w1")
        try #require(try await messages(h, on: "2026-03-10", kind: .beforeDue).count == 1)
        return customer
    }

    /// Wednesday's run at 8:00 Bogotá, then the worker; the customer's messages of that day.
    private func wednesdayRun(_ h: TestHarness) async throws -> [OutboxMessage] {
        h.clock.set(at("2026-03-11T13:00:00Z"))
        _ = try await h.runReminders()
        _ = try await BackgroundJobs.deliverOutbox(app: h.app, workerID: "w1")
        return try await messages(h, on: "2026-03-11")
    }

    @Test func aPaymentAfterTheDaysReminderRidesInTomorrowsReminderAsOneLine() async throws {
        try await TestHarness.run { h in
            try await digest(h, ["payment_received"])
            let customer = try await customerRemindedOnTuesday(h)
            // when a payment is recorded at 15:00 Bogotá, after the day's reminder
            h.clock.set(at("2026-03-10T20:00:00Z"))
            try await pay(h, customer, "150000.00", "TRX-1")
            // then nothing more goes that day: the thank-you waits for tomorrow's run
            #expect(try await messages(h, on: "2026-03-10", kind: .paymentReceived).isEmpty)
            #expect(try await BackgroundJobs.deliverOutbox(app: h.app, workerID: "w1").sent == 0)
            let waiting = try #require(try await messages(h, on: "2026-03-11", kind: .paymentReceived).first)
            #expect(waiting.nextAttemptAt == at("2026-03-11T13:00:00Z"))
            // and on Wednesday it is one line inside the reminder, not a message of its own
            let wednesday = try await wednesdayRun(h)
            try #require(wednesday.count == 1, "\(wednesday.map(\.subject))")
            #expect(wednesday[0].kind == .beforeDue && wednesday[0].status == .sent)
            let body = wednesday[0].bodyText
            #expect(body.contains("Recibimos su pago de $ 150.000,00 del 10 mar 2026; gracias."), "\(body)")
            #expect(wednesday[0].bodyHTML.contains("Recibimos su pago de $ 150.000,00"))
            let folded = try #require(try await OutboxMessage.find(waiting.id, on: h.app.db))
            #expect(folded.status == .cancelled && folded.attempts == 0, "the thank-you never went alone")
        }
    }

    @Test func twoPaymentsAreOneLineNamingBoth() async throws {
        try await TestHarness.run { h in
            try await digest(h, ["payment_received"])
            let customer = try await customerRemindedOnTuesday(h)
            h.clock.set(at("2026-03-10T20:00:00Z"))
            try await pay(h, customer, "300000.00", "TRX-1")
            try await pay(h, customer, "200000.00", "TRX-2")
            #expect(try await messages(h, on: "2026-03-11", kind: .paymentReceived).count == 1)
            let wednesday = try await wednesdayRun(h)
            try #require(wednesday.count == 1, "\(wednesday.map(\.subject))")
            let body = wednesday[0].bodyText
            #expect(
                body.contains("Recibimos sus pagos de $ 300.000,00 y $ 200.000,00 del 10 mar 2026; gracias."), "\(body)"
            )
            #expect(body.components(separatedBy: "Recibimos").count == 2, "once: \(body)")
        }
    }

    @Test func aNewInvoiceRidesInTomorrowsReminderAsOneLine() async throws {
        try await TestHarness.run { h in
            try await digest(h, ["new_invoice"])
            let customer = try await customerRemindedOnTuesday(h)
            h.clock.set(at("2026-03-10T20:00:00Z"))
            _ = try await h.createInvoice(
                customer: customer, number: "FE-12", total: "2000000.00", issued: "2026-03-10",
                extra: ["due_date": "2026-04-09"])
            #expect(try await messages(h, on: "2026-03-10", kind: .newInvoice).isEmpty)
            let wednesday = try await wednesdayRun(h)
            try #require(wednesday.count == 1, "\(wednesday.map(\.subject))")
            #expect(
                wednesday[0].bodyText.contains("Le enviamos la factura FE-12 por $ 2.000.000,00, vence el 9 abr 2026."),
                "\(wednesday[0].bodyText)")
        }
    }

    @Test func withNoReminderTheNextDayTheThankYouGoesAloneAtTheReminderHour() async throws {
        try await TestHarness.run { h in
            try await digest(h, ["payment_received"])
            h.travel(to: "2026-03-02")
            let customer = try await h.customerWithContacts()
            _ = try await h.createInvoice(
                customer: customer, number: "FE-1", total: "500000.00", issued: "2026-03-02",
                extra: ["due_date": "2026-04-30"])
            _ = try await BackgroundJobs.deliverOutbox(app: h.app, workerID: "w1") // FE-1's own message
            // a payment at 15:00 Bogotá, when the customer heard nothing from us today
            h.clock.set(at("2026-03-10T20:00:00Z"))
            try await pay(h, customer, "150000.00", "TRX-1")
            #expect(try await BackgroundJobs.deliverOutbox(app: h.app, workerID: "w1").sent == 0, "not right away")
            h.clock.set(at("2026-03-11T12:59:00Z"))
            #expect(try await BackgroundJobs.deliverOutbox(app: h.app, workerID: "w1").sent == 0)
            // then at Wednesday's run, with no reminder for the customer, it goes alone
            let wednesday = try await wednesdayRun(h)
            try #require(wednesday.count == 1, "\(wednesday.map(\.subject))")
            #expect(wednesday[0].kind == .paymentReceived && wednesday[0].status == .sent)
            #expect(wednesday[0].bodyText.contains("$ 150.000,00"))
        }
    }

    @Test func aPaymentBeforeTheReminderHourWaitsForTodaysRun() async throws {
        try await TestHarness.run { h in
            try await digest(h, ["payment_received"])
            h.travel(to: "2026-03-02")
            let customer = try await h.customerWithContacts()
            _ = try await h.createInvoice(
                customer: customer, number: "FE-1", total: "500000.00", issued: "2026-03-02",
                extra: ["due_date": "2026-03-11"])
            // 6:00 Bogotá, two hours before Wednesday's run, whose reminder names FE-1 (due that day)
            h.clock.set(at("2026-03-11T11:00:00Z"))
            try await pay(h, customer, "150000.00", "TRX-1")
            let waiting = try #require(try await messages(h, on: "2026-03-11", kind: .paymentReceived).first)
            #expect(waiting.nextAttemptAt == at("2026-03-11T13:00:00Z"))
            let wednesday = try await wednesdayRun(h)
            try #require(wednesday.count == 1, "\(wednesday.map(\.subject))")
            #expect(wednesday[0].kind == .beforeDue)
            #expect(wednesday[0].bodyText.contains("Recibimos su pago de $ 150.000,00 del 11 mar 2026; gracias."))
        }
    }

    @Test func asSoonAsAllowedStaysTheDefault() async throws {
        try await TestHarness.run { h in
            #expect(try await h.get("/api/v1/organisation").json["digest_kinds"].array.isEmpty)
            let customer = try await customerRemindedOnTuesday(h)
            h.clock.set(at("2026-03-10T20:00:00Z"))
            try await pay(h, customer, "150000.00", "TRX-1")
            // the customer heard from us today: a thank-you of its own, in tomorrow's window
            let wednesday = try await wednesdayRun(h)
            #expect(Set(wednesday.map(\.kind)) == [.beforeDue, .paymentReceived], "\(wednesday.map(\.subject))")
            #expect(!(wednesday.first { $0.kind == .beforeDue }?.bodyText.contains("Recibimos") ?? true))
        }
    }

    @Test func theSettingThroughTheAPI() async throws {
        try await TestHarness.run { h in
            let saved = try await h.patch(
                "/api/v1/organisation", ["digest_kinds": ["payment_received", "new_invoice"]])
            #expect(saved.status == .ok)
            #expect(saved.json["digest_kinds"].array.compactMap(\.string) == ["new_invoice", "payment_received"])
            #expect(
                try await h.get("/api/v1/organisation").json["digest_kinds"].array.compactMap(\.string) == [
                    "new_invoice", "payment_received",
                ])
            let audit = try await AuditEvent.query(on: h.app.db).filter(\.$action == "organisation.updated").all()
            #expect(audit.contains { $0.details.contains("digest_kinds") }, "\(audit.map(\.details))")
            for bad in ["overdue", "newsletter"] {
                let refused = try await h.patch("/api/v1/organisation", ["digest_kinds": [bad]])
                #expect(refused.status == .unprocessableEntity, "\(bad)")
                #expect(refused.json["error"]["code"].string == "not_an_event_kind")
                #expect(refused.json["error"]["field"].string == "digest_kinds")
                #expect(refused.json["error"]["message"].string?.contains("digest_kinds") == true)
            }
            #expect(try await h.get("/api/v1/organisation").json["digest_kinds"].array.count == 2, "unchanged")
            #expect(try await h.patch("/api/v1/organisation", ["digest_kinds": []]).json["digest_kinds"].array.isEmpty)
        }
    }
}
