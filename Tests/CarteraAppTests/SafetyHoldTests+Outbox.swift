import CarteraCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// The organisation's pause also holds what is already in the outbox: the delivery worker gives it back
/// for the resume day (inside the customer's hours), and ending the pause early lets it go at once.
extension SafetyHoldTests {
    func pending(_ h: TestHarness) async throws -> [OutboxMessage] {
        try await OutboxMessage.query(on: h.app.db).filter(\.$kind == .overdue).all()
    }

    @Test func aPausePlacedAfterQueueingStopsDeliveryUntilItEnds() async throws {
        try await TestHarness.run { h in
            _ = try await owing(h)
            // the invoice's own message goes first, so only the reminder is left
            _ = try await BackgroundJobs.deliverOutbox(app: h.app, workerID: "w1")
            // given a reminder queued on Friday 13 March (10:00 in Bogotá, inside the allowed hours)
            #expect(try await h.runReminders()["messages_queued"].int == 1)
            let queued = try #require(try await pending(h).first)
            #expect(queued.status == .pending && queued.nextAttemptAt <= h.clock.now())

            // when the organisation pauses until Wednesday 18 March before the worker's tick
            let paused = try await h.patch("/api/v1/organisation", ["paused_until": "2026-03-18"])
            #expect(paused.status == .ok, "\(paused.json)")
            let worker = OutboxWorker(
                db: h.app.db, transports: h.app.transports, clock: h.clock, workerID: "w1", logger: h.app.logger)
            let result = try await worker.runOnce()

            // then nothing is sent; the message waits, moved to the resume day, inside the customer's hours
            #expect(result.sent == 0 && result.waiting == 1, "\(result)")
            let waiting = try #require(try await pending(h).first)
            #expect(waiting.status == .pending && waiting.attempts == 0)
            let organisation = try #require(try await Organisation.find(h.organisationID, on: h.app.db))
            let resume = try #require(organisation.resumeInstant(after: h.clock.now()))
            #expect(waiting.nextAttemptAt >= resume, "\(waiting.nextAttemptAt) before \(resume)")
            #expect(waiting.nextAttemptAt < resume.addingTimeInterval(86_400), "the resume day's first opening")
            let customer = try #require(try await Customer.find(waiting.$customer.id, on: h.app.db))
            let rules = CustomerContactRules(
                customer: customer, organisation: organisation, around: try LocalDate(iso: "2026-03-18"))
            #expect(rules.nextAllowed(from: waiting.nextAttemptAt) == waiting.nextAttemptAt, "an allowed hour")
            // a later tick while still paused sends nothing either
            h.clock.set(h.clock.now().addingTimeInterval(3_600))
            #expect(try await BackgroundJobs.deliverOutbox(app: h.app, workerID: "w1").sent == 0)

            // when the pause ends early, the next tick sends it
            let resumed = try await h.patch("/api/v1/organisation", ["paused_until": ""])
            #expect(resumed.status == .ok, "\(resumed.json)")
            #expect(try #require(try await pending(h).first).nextAttemptAt <= h.clock.now())
            #expect(try await BackgroundJobs.deliverOutbox(app: h.app, workerID: "w1").sent == 1)
            #expect(try #require(try await pending(h).first).status == .sent)
        }
    }

    @Test func aPausedMessageGoesOnTheResumeDay() async throws {
        try await TestHarness.run { h in
            _ = try await owing(h)
            _ = try await BackgroundJobs.deliverOutbox(app: h.app, workerID: "w1")
            _ = try await h.runReminders()
            _ = try await h.patch("/api/v1/organisation", ["paused_until": "2026-03-16"])
            #expect(try await BackgroundJobs.deliverOutbox(app: h.app, workerID: "w1").sent == 0)
            // Monday 16 March, 10:00 in Bogotá
            h.travel(to: "2026-03-16")
            #expect(try await BackgroundJobs.deliverOutbox(app: h.app, workerID: "w1").sent == 1)
        }
    }
}
