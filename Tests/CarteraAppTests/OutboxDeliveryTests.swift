import CarteraCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

@Suite struct OutboxDeliveryTests {
    /// Queues the new-invoice email for one invoice and returns the message id. On a Monday at
    /// 10:00 in Bogotá, inside the hours the customer may be contacted, so it is due at once.
    func queueOneMessage(_ h: TestHarness) async throws -> UUID {
        h.travel(to: "2026-03-16")
        let customer = try await h.customerWithContacts()
        _ = try await h.createInvoice(customer: customer, number: "FE-1", total: "1234567.89")
        let message = try #require(try await OutboxMessage.query(on: h.app.db).first())
        return try message.requireID()
    }

    func worker(_ h: TestHarness, _ transport: any MessageTransport, id: String = "w1") -> OutboxWorker {
        OutboxWorker(
            db: h.app.db,
            transports: Transports(email: transport, sms: transport, fromAddress: "cobranza@ferreteria.test"),
            clock: h.clock, workerID: id, logger: h.app.logger)
    }

    @Test func fileTransportWritesARealMIMEMessageOnce() async throws {
        try await TestHarness.run { h in
            let id = try await queueOneMessage(h)
            let result = try await BackgroundJobs.deliverOutbox(app: h.app, workerID: "w1")
            #expect(result.sent == 1)
            let files = try FileManager.default.contentsOfDirectory(atPath: h.mailDirectory.path).filter {
                $0.hasSuffix(".eml")
            }
            #expect(files.count == 1)
            let eml = try String(contentsOf: h.mailDirectory.appendingPathComponent(files[0]), encoding: .utf8)
            #expect(eml.contains("To: =?UTF-8?B?") && eml.contains("<tesoreria@progreso.com.co>"))
            #expect(eml.contains("Message-ID: <\(id.uuidString.lowercased())@cartera>"))
            #expect(eml.contains("Content-Type: multipart/alternative"))
            let message = try #require(try await OutboxMessage.find(id, on: h.app.db))
            #expect(message.status == .sent)
            #expect(message.sentAt != nil)
            // a second pass finds nothing to send
            #expect(try await BackgroundJobs.deliverOutbox(app: h.app, workerID: "w2").sent == 0)
        }
    }

    @Test func failuresBackOffThenGiveUpAndCanBeRetriedByHand() async throws {
        try await TestHarness.run { h in
            let id = try await queueOneMessage(h)
            let flaky = RecordingTransport(failing: 100)
            let worker = worker(h, flaky)
            #expect(try await worker.runOnce().retried == 1)
            var message = try #require(try await OutboxMessage.find(id, on: h.app.db))
            #expect(message.status == .pending)
            #expect(message.attempts == 1)
            #expect(message.nextAttemptAt.timeIntervalSince(h.clock.now()) == OutboxWorker.backoff[0])
            #expect(try await worker.runOnce() == OutboxWorker.Result(), "not before the backoff has passed")
            for attempt in 2...OutboxWorker.maxAttempts {
                h.clock.set(message.nextAttemptAt)
                var result = try await worker.runOnce()
                message = try #require(try await OutboxMessage.find(id, on: h.app.db))
                if result.waiting == 1 {
                    // A backoff that ends at night: the retry waits for 7:00 in Bogotá, no attempt spent.
                    #expect(message.attempts == attempt - 1)
                    h.clock.set(message.nextAttemptAt)
                    result = try await worker.runOnce()
                    message = try #require(try await OutboxMessage.find(id, on: h.app.db))
                }
                #expect(message.attempts == attempt)
                #expect(result.failed == (attempt == OutboxWorker.maxAttempts ? 1 : 0))
            }
            #expect(message.status == .failed)
            #expect(message.lastError?.contains("simulated outage") == true)
            let retried = try await h.post("/api/v1/outbox/\(id)/retry", [:])
            #expect(retried.json["status"].string == "pending")
            #expect(retried.json["attempts"].int == 0)
            let good = RecordingTransport()
            #expect(try await self.worker(h, good).runOnce().sent == 1)
            #expect(await good.messageIDs == [message.rfcMessageID])
        }
    }

    @Test func permanentFailuresAreNotRetried() async throws {
        try await TestHarness.run { h in
            let id = try await queueOneMessage(h)
            #expect(try await worker(h, RecordingTransport(failing: 1, permanent: true)).runOnce().failed == 1)
            #expect(try await OutboxMessage.find(id, on: h.app.db)?.status == .failed)
        }
    }

    /// A worker that died after claiming but before handing the message over: the claim expires
    /// and the message goes out once, with its Message-ID.
    @Test func aClaimAbandonedBeforeTheHandOverIsTakenAgain() async throws {
        try await TestHarness.run { h in
            let id = try await queueOneMessage(h)
            let claimed = try await OutboxClaims.claim(
                worker: "dead", now: h.clock.now(), until: h.clock.now().addingTimeInterval(OutboxWorker.claimDuration),
                limit: 10, on: h.app.db)
            #expect(claimed == [id])
            let survivor = RecordingTransport()
            #expect(
                try await worker(h, survivor, id: "restarted").runOnce() == OutboxWorker.Result(),
                "the claim is still valid")
            h.clock.set(h.clock.now().addingTimeInterval(OutboxWorker.claimDuration + 1))
            #expect(try await worker(h, survivor, id: "restarted").runOnce().sent == 1)
            let message = try #require(try await OutboxMessage.find(id, on: h.app.db))
            #expect(message.status == .sent)
            #expect(await survivor.messageIDs == [message.rfcMessageID])
            // after a restart nothing already marked sent goes out again
            h.clock.set(h.clock.now().addingTimeInterval(86_400))
            #expect(try await worker(h, survivor, id: "again").runOnce() == OutboxWorker.Result())
            #expect(await survivor.delivered.count == 1)
        }
    }

    /// The crash between "handed to SMTP" and "marked sent": the message may have gone out, so it is
    /// never resent on its own — it is marked failed with the reason, and a person retries it.
    @Test func aCrashAfterTheHandOverIsNeverResentBehindAnyonesBack() async throws {
        try await TestHarness.run { h in
            let id = try await queueOneMessage(h)
            let now = h.clock.now()
            #expect(
                try await OutboxClaims.claim(
                    worker: "dead", now: now, until: now.addingTimeInterval(OutboxWorker.claimDuration), limit: 10,
                    on: h.app.db) == [id])
            #expect(try await OutboxClaims.startDelivery(id, worker: "dead", now: now, on: h.app.db))
            #expect(try await OutboxClaims.startDelivery(id, worker: "someone-else", now: now, on: h.app.db) == false)
            h.clock.set(now.addingTimeInterval(OutboxWorker.claimDuration + 1))
            let survivor = RecordingTransport()
            #expect(
                try await worker(h, survivor, id: "restarted").runOnce()
                    == OutboxWorker.Result(sent: 0, retried: 0, failed: 1))
            #expect(await survivor.delivered.isEmpty)
            let message = try #require(try await OutboxMessage.find(id, on: h.app.db))
            #expect(message.status == .failed && message.lastError == OutboxClaims.interruptedError)
            // a person checked the mailbox and retries: it goes out once
            let retried = try await h.post("/api/v1/outbox/\(id)/retry", [:])
            #expect(retried.status == .ok, "\(retried.json)")
            #expect(try await worker(h, survivor, id: "restarted").runOnce().sent == 1)
            #expect(await survivor.delivered.count == 1)
        }
    }

    /// Two workers at once (two servers): every message goes out exactly once.
    @Test func twoConcurrentWorkersNeverSendTwice() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-02-02") // a Monday: the messages are due at once
            for index in 0..<12 {
                let customer = try await h.customerWithContacts("Cliente \(index) S.A.S.")
                _ = try await h.createInvoice(
                    customer: customer, number: "C-\(index)", total: "10.00", issued: "2026-02-01")
            }
            let transport = RecordingTransport()
            let first = worker(h, transport, id: "server-a")
            let second = worker(h, transport, id: "server-b")
            async let a = first.runOnce(limit: 5)
            async let b = second.runOnce(limit: 5)
            async let c = first.runOnce(limit: 5)
            async let d = second.runOnce(limit: 5)
            let results = try await [a, b, c, d]
            #expect(results.reduce(0) { $0 + $1.sent } == 12)
            let ids = await transport.messageIDs
            #expect(ids.count == 12)
            #expect(Set(ids).count == 12, "no message sent twice")
            #expect(try await OutboxMessage.query(on: h.app.db).filter(\.$status == .sent).count() == 12)
        }
    }

    /// Two dunning passes at once (two schedulers): each (invoice, step) is queued once.
    @Test func twoConcurrentDunningRunsQueueEachReminderOnce() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-02-01")
            try await h.send(.PATCH, "/api/v1/organisation", json: ["reminder_kinds": ["overdue"]])
            for index in 0..<10 {
                let customer = try await h.customerWithContacts("Deudor \(index) S.A.S.")
                _ = try await h.createInvoice(
                    customer: customer, number: "D-\(index)", total: "10.00", issued: "2026-01-01",
                    extra: ["due_date": "2026-01-20"])
            }
            h.travel(to: "2026-02-02")
            let context = try await ServiceContext.make(
                db: h.app.db, actor: Actor(organisationID: h.organisationID, name: "test"), app: h.app)
            let date = context.today
            let reports = try await withThrowingTaskGroup(of: DunningRun.Report.self) { group in
                for _ in 0..<3 { group.addTask { try await DunningRun.run(on: date, dryRun: false, in: context) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(reports.reduce(0) { $0 + $1.messagesQueued } == 10)
            #expect(try await OutboxMessage.query(on: h.app.db).count() == 10)
            #expect(try await ReminderDelivery.query(on: h.app.db).count() == 10)
        }
    }
}
