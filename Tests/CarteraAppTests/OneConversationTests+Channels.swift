import CarteraCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// The instalment notice rides in the customer's message of the day whatever its channel: at the end of
/// an SMS (when it fits), as a paragraph of a letter.
extension OneConversationTests {
    /// FE-1 (in the customer's own policy, one step on the due day by `channel`) falls due on Monday 16
    /// March; FE-2 is in a plan whose first instalment is due Thursday 19 March (its notice three days
    /// before). The messages of Monday, after its run.
    /// - Parameter smsBody: the organisation's own wording of the due-day SMS.
    private func mondayWithAnInstalment(by channel: String, smsBody: String? = nil) async throws -> [OutboxMessage] {
        var found: [OutboxMessage] = []
        try await TestHarness.run { h in
            if let smsBody {
                let saved = try await h.send(
                    .PUT, "/api/v1/templates/before_due/es/sms", json: ["subject": "", "body": smsBody])
                try #require(saved.status == .ok, "\(saved.json)")
            }
            let policy = try await h.post(
                "/api/v1/policies",
                [
                    "name": "Solo \(channel)", "is_default": false,
                    "steps": [["key": "due_\(channel)", "offset_days": 0, "channel": channel, "tone": "friendly"]],
                ])
            try #require(policy.status == .created, "\(policy.json)")
            h.travel(to: "2026-03-02")
            let customer = try await h.customerWithContacts()
            _ = try await h.patch(
                "/api/v1/customers/\(customer)", ["collection_policy_id": policy.json["id"].string ?? ""])
            try await h.dueMondayAndAnInstalmentThursday(for: customer)
            h.travel(to: "2026-03-16")
            _ = try await h.runReminders()
            found = try await OutboxMessage.query(on: h.app.db).filter(\.$status != .cancelled)
                .filter(\.$scheduledOn == "2026-03-16").all()
        }
        return found
    }

    @Test func anInstalmentRidesAtTheEndOfTheDaysSMS() async throws {
        let monday = try await mondayWithAnInstalment(by: "sms")
        try #require(monday.count == 1, "\(monday.map { "\($0.channel) \($0.subject)" })")
        #expect(monday[0].channel == .sms)
        #expect(monday[0].bodyText.hasSuffix("vence el 19 mar 2026."), "\(monday[0].bodyText)")
        #expect(monday[0].bodyText.contains("Cuota 1 de 3"))
        #expect(monday[0].bodyText.count <= SMSLength.limit)
    }

    @Test func anSMSTooLongForTheInstalmentLeavesItToGoAloneByEmail() async throws {
        let long = "{{organisation_name}}: " + String(repeating: "Le recordamos su factura. ", count: 10)
        let monday = try await mondayWithAnInstalment(by: "sms", smsBody: long)
        let sms = try #require(monday.first { $0.channel == .sms })
        #expect(!sms.bodyText.contains("Cuota"), "\(sms.bodyText)")
        let alone = try #require(monday.first { $0.channel == .email }, "\(monday.map(\.subject))")
        #expect(alone.subject.contains("Cuota 1 de 3") && alone.status == .pending)
    }

    @Test func anInstalmentIsAParagraphOfTheDaysLetter() async throws {
        let monday = try await mondayWithAnInstalment(by: "letter")
        try #require(monday.count == 1, "\(monday.map { "\($0.channel) \($0.subject)" })")
        #expect(monday[0].channel == .letter)
        #expect(monday[0].bodyText.contains("Respetados señores:\n\nCuota 1 de 3"), "\(monday[0].bodyText)")
    }
}
