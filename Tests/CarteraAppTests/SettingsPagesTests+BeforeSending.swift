import CarteraCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// "Antes de enviar" on the reminder settings page: the bank statement's age, hold or only warn, and the
/// daily email of what goes out, saved through the organisation service (audited) and shown again.
extension SettingsPagesTests {
    private func remindersForm(_ extra: [(String, String)]) -> [(String, String)] {
        [
            ("_form", "reminders"), ("reminderHour", "9"), ("reminderKinds[]", "overdue"),
            ("creditHoldDaysOverdue", "60"), ("lateFeePolicy", "none"), ("lateFeeAmount", ""),
            ("lateInterestRate", ""), ("legalMaximumRate", ""), ("beforeSendingShown", "1"),
        ] + extra
    }

    private func stored(_ h: TestHarness) async throws -> Organisation {
        try #require(try await Organisation.find(h.organisationID, on: h.app.db))
    }

    @Test func theBeforeSendingSettingsAreSavedAuditedAndShownAgain() async throws {
        try await TestHarness.run { h in
            let admin = try await h.signedIn("admin@empresa.co", role: .admin)
            let page = try await admin.get("/settings/reminders")
            #expect(page.body.contains("id=\"before-sending\"") && page.body.contains("Antes de enviar"))
            #expect(page.body.contains("id=\"outgoing-digest\" checked"), "the digest is on by default")
            #expect(page.body.contains("value=\"hold\" id=\"stale-mode-hold\" checked"))
            // the fieldset comes after the late fees and before the save button
            let fees = try #require(page.body.range(of: "Cargos por mora"))
            let before = try #require(page.body.range(of: "id=\"before-sending\""))
            let save = try #require(page.body.range(of: "id=\"reminders-submit\""))
            #expect(fees.lowerBound < before.lowerBound && before.lowerBound < save.lowerBound)

            // the digest box unticked (a browser posts nothing for it)
            let saved = try await admin.post(
                "/settings/reminders",
                remindersForm([("statementStaleDays", "5"), ("statementStaleMode", "warn")]),
                referer: "http://localhost/settings/reminders")
            #expect(saved.status == .seeOther && saved.location == "/settings/reminders")
            let organisation = try await stored(h)
            #expect(organisation.statementStaleDays == 5 && organisation.statementStaleMode == .warn)
            #expect(!organisation.outgoingDigest)
            let audit = try await AuditEvent.query(on: h.app.db).filter(\.$action == "organisation.updated").all()
            #expect(
                audit.contains {
                    $0.details.contains("statement_stale_days") && $0.details.contains("outgoing_digest")
                }, "\(audit.map(\.details))")
            let shown = try await admin.get("/settings/reminders")
            #expect(shown.body.contains("id=\"statement-stale-days\" min=\"1\" max=\"60\""))
            #expect(shown.body.contains("value=\"5\""), "the days shown again")
            #expect(shown.body.contains("value=\"warn\" id=\"stale-mode-warn\" checked"))
            #expect(!shown.body.contains("id=\"outgoing-digest\" checked"))

            // ticked again
            _ = try await admin.post(
                "/settings/reminders",
                remindersForm([
                    ("statementStaleDays", "5"), ("statementStaleMode", "hold"), ("outgoingDigest", "on"),
                ]), referer: "http://localhost/settings/reminders")
            let ticked = try await stored(h)
            #expect(ticked.outgoingDigest && ticked.statementStaleMode == .hold)
            #expect(try await admin.get("/settings/reminders").body.contains("id=\"outgoing-digest\" checked"))
        }
    }

    @Test func aBadNumberOfDaysIsShownNextToTheFieldWithWhatWasTyped() async throws {
        try await TestHarness.run { h in
            let admin = try await h.signedIn("admin@empresa.co", role: .admin)
            for typed in ["90", "tres"] {
                try await admin.get("/settings/reminders")
                let refused = try await admin.post(
                    "/settings/reminders",
                    remindersForm([("statementStaleDays", typed), ("statementStaleMode", "warn")]),
                    referer: "http://localhost/settings/reminders")
                #expect(refused.status == .seeOther)
                let back = try await admin.get("/settings/reminders")
                #expect(back.body.contains("id=\"statement-stale-days-error\""), "\(typed)")
                #expect(back.body.contains("value=\"\(typed)\""), "what was typed stays: \(typed)")
                #expect(back.body.contains("value=\"warn\" id=\"stale-mode-warn\" checked"), "the choice stays")
                let unchanged = try await stored(h)
                #expect(unchanged.statementStaleDays == 3 && unchanged.statementStaleMode == .hold)
                #expect(unchanged.reminderHour == nil, "nothing of the form was saved")
            }
        }
    }
}
