import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

@Suite struct BackgroundJobsTests {
    /// The scheduler writes to customers in office hours of their organisation's time zone.
    @Test func remindersWaitForTheOrganisationsReminderHour() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-02-01")
            let customer = try await h.customerWithContacts()
            _ = try await h.createInvoice(
                customer: customer, number: "H-1", total: "10.00", issued: "2026-02-01",
                extra: ["due_date": "2026-03-02"])
            // 11:00 UTC is 06:00 in Bogotá
            h.clock.set(ISO8601DateFormatter().date(from: "2026-03-12T11:00:00Z")!)
            let early = try await BackgroundJobs.runReminders(app: h.app, notBeforeHour: 8)
            #expect(early.isEmpty)
            // 13:30 UTC is 08:30 in Bogotá
            h.clock.set(ISO8601DateFormatter().date(from: "2026-03-12T13:30:00Z")!)
            let onTime = try await BackgroundJobs.runReminders(app: h.app, notBeforeHour: 8)
            #expect(onTime.map(\.messagesQueued) == [1])
            #expect(onTime.first?.date == "2026-03-12")
            let delivered = try await BackgroundJobs.deliverOutbox(app: h.app, workerID: "tick")
            #expect(delivered.sent == 2) // the new-invoice email and the reminder
        }
    }
}
