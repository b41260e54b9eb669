import CarteraCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// The contact rules applied: messages wait for the customer's allowed hours, consent chooses who
/// may be written to, and the daily pass keeps to the limits per day and week.
@Suite struct ContactWindowTests {
    private func instant(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    private func worker(_ h: TestHarness, _ transport: RecordingTransport) -> OutboxWorker {
        OutboxWorker(
            db: h.app.db, transports: Transports(email: transport, sms: transport, fromAddress: "cobros@cartera.test"),
            clock: h.clock, workerID: "w1", logger: h.app.logger)
    }

    private func onlyMessage(_ h: TestHarness) async throws -> OutboxMessage {
        let messages = try await OutboxMessage.query(on: h.app.db).all()
        try #require(messages.count == 1, "one message: \(messages.map(\.subject))")
        return messages[0]
    }

    @Test func aMessageQueuedOnSundayWaitsForMondaySevenInBogota() async throws {
        // given Sunday 15 March 2026, 10:00 in Bogotá: a new invoice queues its message
        try await TestHarness.run { h in
            let customer = try await h.customerWithContacts()
            _ = try await h.createInvoice(customer: customer, number: "FE-1", total: "100000.00", issued: "2026-03-15")
            let message = try await onlyMessage(h)
            // then it is for Monday 7:00 Bogotá (12:00 UTC), and no worker takes it before
            #expect(message.nextAttemptAt == instant("2026-03-16T12:00:00Z"))
            let transport = RecordingTransport()
            #expect(try await worker(h, transport).runOnce().sent == 0)
            h.clock.set(instant("2026-03-16T11:59:00Z"))
            #expect(try await worker(h, transport).runOnce().sent == 0)
            h.clock.set(instant("2026-03-16T12:00:00Z"))
            #expect(try await worker(h, transport).runOnce().sent == 1)
            #expect(await transport.delivered.count == 1)
        }
    }

    @Test func aMessageRetriedOutsideTheHoursIsGivenBackNotSent() async throws {
        try await TestHarness.run { h in
            // given a message made due at once on a Sunday (as a retry by hand would)
            let customer = try await h.customerWithContacts()
            _ = try await h.createInvoice(customer: customer, number: "FE-1", total: "100000.00", issued: "2026-03-15")
            let message = try await onlyMessage(h)
            message.nextAttemptAt = h.clock.now()
            try await message.save(on: h.app.db)
            // when the worker takes it
            let transport = RecordingTransport()
            #expect(try await worker(h, transport).runOnce() == OutboxWorker.Result(waiting: 1))
            // then it waits for Monday 7:00, pending, with no attempt spent
            let fresh = try #require(try await OutboxMessage.find(message.id, on: h.app.db))
            #expect(fresh.status == .pending && fresh.attempts == 0 && fresh.claimedBy == nil)
            #expect(fresh.nextAttemptAt == instant("2026-03-16T12:00:00Z"))
            #expect(await transport.delivered.isEmpty)
        }
    }

    @Test func anOptOutIsRecordedAndTheContactIsNotWrittenTo() async throws {
        try await TestHarness.run { h in
            let customer = try await h.customerWithContacts()
            let contacts = try await h.get("/api/v1/customers/\(customer)/contacts").json.array
            let billing = try #require(contacts.first { $0["role"].string == "billing" }?["id"].string)
            let primary = try #require(contacts.first { $0["role"].string == "primary" }?["id"].string)
            // when the billing contact opts out of email through the API
            let reply = try await h.patch("/api/v1/contacts/\(billing)", ["consent": ["email": "opted_out"]])
            #expect(reply.status == .ok)
            let email = try #require(reply.json["consent"].array.first { $0["channel"].string == "email" })
            #expect(email["state"].string == "opted_out")
            #expect(email["changed_on"].string == "2026-03-15" && email["source"].string == "api")
            // then a new invoice's email goes to the primary contact instead
            _ = try await h.createInvoice(customer: customer, number: "FE-1", total: "100000.00", issued: "2026-03-15")
            #expect(try await onlyMessage(h).recipientAddress == "compras@progreso.com.co")
            // and in Colombia a channel nobody authorised is not used either
            _ = try await h.patch("/api/v1/contacts/\(primary)", ["consent": ["email": "not_asked"]])
            _ = try await h.createInvoice(customer: customer, number: "FE-2", total: "100000.00", issued: "2026-03-15")
            #expect(try await OutboxMessage.query(on: h.app.db).count() == 1)
            // elsewhere it is, unless opted out
            _ = try await h.patch("/api/v1/customers/\(customer)", ["jurisdiction": "spain"])
            _ = try await h.createInvoice(customer: customer, number: "FE-3", total: "100000.00", issued: "2026-03-15")
            let last = try #require(try await OutboxMessage.query(on: h.app.db).sort(\.$createdAt, .descending).first())
            #expect(last.recipientAddress == "compras@progreso.com.co")
        }
    }

    @Test func aCustomerCanHaveAnotherJurisdictionAndTimeZone() async throws {
        try await TestHarness.run { h in
            let customer = try await h.customerWithContacts()
            let reply = try await h.patch(
                "/api/v1/customers/\(customer)", ["jurisdiction": "spain", "time_zone": "Europe/Madrid"])
            #expect(reply.json["jurisdiction"].string == "spain" && reply.json["time_zone"].string == "Europe/Madrid")
            #expect(
                try await h.patch("/api/v1/customers/\(customer)", ["time_zone": "Mars/Olympus"]).status
                    == .unprocessableEntity)
            #expect(
                try await h.patch("/api/v1/customers/\(customer)", ["jurisdiction": "peru"]).status
                    == .unprocessableEntity)
            // a message queued Sunday 16:00 in Madrid waits for Monday 9:00 Madrid (8:00 UTC)
            _ = try await h.createInvoice(customer: customer, number: "FE-1", total: "100000.00", issued: "2026-03-15")
            #expect(try await onlyMessage(h).nextAttemptAt == instant("2026-03-16T08:00:00Z"))
            // empty goes back to the organisation's
            let cleared = try await h.patch("/api/v1/customers/\(customer)", ["jurisdiction": "", "time_zone": ""])
            #expect(cleared.json["jurisdiction"].string == nil && cleared.json["time_zone"].string == nil)
        }
    }

    /// Colombia: one channel a week. An email on Monday, an SMS step on Wednesday: the SMS waits for
    /// next week (nothing recorded, so the pass reconsiders it daily); in México it goes.
    @Test func theDailyPassDefersAStepOverTheWeeklyChannelLimit() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-03-02")
            let policy = try await h.post(
                "/api/v1/policies",
                [
                    "name": "Correo y SMS", "is_default": true,
                    "steps": [
                        ["key": "due_day", "offset_days": 0, "channel": "email", "tone": "friendly"],
                        ["key": "sms_2", "offset_days": 2, "channel": "sms", "tone": "firm"],
                    ],
                ])
            try #require(policy.status == .created, "\(policy.json)")
            let bogota = try await h.customerWithContacts("Ferretería Bogotá S.A.S.")
            let mexico = try await h.customerWithContacts("Ferretería Monterrey S.A. de C.V.")
            _ = try await h.patch("/api/v1/customers/\(mexico)", ["jurisdiction": "mexico"])
            for (customer, number) in [(bogota, "B-1"), (mexico, "M-1")] {
                _ = try await h.createInvoice(
                    customer: customer, number: number, total: "100000.00", issued: "2026-03-02",
                    extra: ["due_date": "2026-03-09"])
            }
            h.travel(to: "2026-03-09") // Monday
            #expect(try await h.runReminders()["messages_queued"].int == 2)
            h.travel(to: "2026-03-11") // Wednesday
            let wednesday = try await h.runReminders()
            #expect(wednesday["messages_queued"].int == 1)
            #expect(wednesday["deferred"].int == 1)
            let sms = try await OutboxMessage.query(on: h.app.db).filter(\.$channel == .sms).all()
            #expect(sms.map { $0.$customer.id.uuidString } == [mexico])
            h.travel(to: "2026-03-12") // Thursday: still the same week
            #expect(try await h.runReminders()["deferred"].int == 1)
        }
    }

    @Test func aCallTaskSaysWhenTheCustomerMayBeCalled() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-03-02")
            let policy = try await h.post(
                "/api/v1/policies",
                [
                    "name": "Llamar", "is_default": true,
                    "steps": [["key": "call_0", "offset_days": 0, "channel": "call_task", "tone": "firm"]],
                ])
            try #require(policy.status == .created, "\(policy.json)")
            let customer = try await h.customerWithContacts()
            _ = try await h.createInvoice(
                customer: customer, number: "C-1", total: "100000.00", issued: "2026-03-02",
                extra: ["due_date": "2026-03-09"])
            h.travel(to: "2026-03-09")
            #expect(try await h.runReminders()["tasks_created"].int == 1)
            let task = try #require(try await CollectionTask.query(on: h.app.db).filter(\.$kind == .call).first())
            #expect(task.title.hasSuffix("Llamar lun–vie 7:00–19:00, sáb 8:00–15:00"), "\(task.title)")
        }
    }
}
