import CarteraCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// One conversation per customer per day: what the day tells a customer goes in one message, and
/// what happens after that message waits for the next window.
@Suite struct OneConversationTests {
    private func instant(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    private func messages(_ h: TestHarness, kind: ReminderKind? = nil) async throws -> [OutboxMessage] {
        let query = OutboxMessage.query(on: h.app.db).filter(\.$status != .cancelled).sort(\.$createdAt)
        if let kind { query.filter(\.$kind == kind) }
        return try await query.all()
    }

    private func pay(_ h: TestHarness, _ customer: String, _ amount: String, _ reference: String) async throws {
        let paid = try await h.post(
            "/api/v1/payments", ["customer_id": customer, "amount": amount, "reference": reference])
        try #require(paid.status == .created, "\(paid.json)")
    }

    @Test func twoPaymentsOfOneDayGetOneThankYouNamingBoth() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-03-02")
            let customer = try await h.customerWithContacts()
            _ = try await h.createInvoice(customer: customer, number: "FE-1", total: "500000.00", issued: "2026-03-02")
            // when two bank lines pay on Tuesday 10 March
            h.travel(to: "2026-03-10")
            try await pay(h, customer, "300000.00", "TRX-1")
            try await pay(h, customer, "200000.00", "TRX-2")
            // then one thank-you names both
            let thanks = try await messages(h, kind: .paymentReceived)
            try #require(thanks.count == 1, "\(thanks.map(\.bodyText))")
            #expect(thanks[0].bodyText.contains("$ 300.000,00 y $ 200.000,00"), "\(thanks[0].bodyText)")
            #expect(thanks[0].bodyHTML.contains("$ 300.000,00 y $ 200.000,00"))
            #expect(thanks[0].bodyText.contains("FE-1"))
        }
    }

    @Test func twoInvoicesOfOneDayAreAnnouncedInOneMessage() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-03-10")
            let customer = try await h.customerWithContacts()
            _ = try await h.createInvoice(customer: customer, number: "FE-1", total: "500000.00", issued: "2026-03-10")
            _ = try await h.createInvoice(customer: customer, number: "FE-2", total: "250000.00", issued: "2026-03-10")
            let announced = try await messages(h, kind: .newInvoice)
            try #require(announced.count == 1, "\(announced.map(\.subject))")
            #expect(announced[0].subject.contains("FE-1 y FE-2"), "\(announced[0].subject)")
            #expect(announced[0].bodyText.contains("$ 500.000,00 y $ 250.000,00"), "\(announced[0].bodyText)")
        }
    }

    @Test func aPaymentAfterTheDaysMessageIsThankedInTheNextWindow() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-03-02")
            let customer = try await h.customerWithContacts()
            _ = try await h.createInvoice(customer: customer, number: "FE-1", total: "500000.00", issued: "2026-03-02")
            h.travel(to: "2026-03-10")
            try await pay(h, customer, "300000.00", "TRX-1")
            #expect(try await BackgroundJobs.deliverOutbox(app: h.app, workerID: "w1").sent >= 1)
            // when a second payment arrives after the day's thank-you went
            try await pay(h, customer, "200000.00", "TRX-2")
            // then its thank-you is for tomorrow at the reminder hour (8:00 Bogotá), not now
            let thanks = try await messages(h, kind: .paymentReceived)
            try #require(thanks.count == 2)
            #expect(thanks[1].scheduledOn == "2026-03-11")
            #expect(thanks[1].nextAttemptAt == instant("2026-03-11T13:00:00Z"))
            #expect(thanks[1].bodyText.contains("$ 200.000,00") && !thanks[1].bodyText.contains("$ 300.000,00"))
            #expect(try await BackgroundJobs.deliverOutbox(app: h.app, workerID: "w1").sent == 0)
        }
    }

    @Test func aReminderAnInstalmentAndAStatementOfOneDayAreOneMessage() async throws {
        try await TestHarness.run { h in
            _ = try await h.send(.PATCH, "/api/v1/organisation", json: ["summary_frequency": "weekly"])
            h.travel(to: "2026-03-02")
            let customer = try await h.customerWithContacts()
            // FE-1 falls due on Monday 16 March (a step that day); FE-2 is in a plan whose first
            // instalment is due Thursday 19 March (its notice three days before); Monday is the statement day.
            try await h.dueMondayAndAnInstalmentThursday(for: customer)
            h.travel(to: "2026-03-16")
            let report = try await h.runReminders()
            // then the customer gets one message that day, the instalment inside it
            let today = try await messages(h).filter { $0.scheduledOn == "2026-03-16" }
            try #require(today.count == 1, "\(today.map(\.subject)) \(report)")
            #expect(today[0].bodyText.contains("Cuota 1 de 3"), "\(today[0].bodyText)")
            #expect(today[0].kind != .paymentReceived)
            // and running the pass again changes nothing
            _ = try await h.runReminders()
            #expect(try await messages(h).filter { $0.scheduledOn == "2026-03-16" }.count == 1)
        }
    }
}
