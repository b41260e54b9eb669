import CarteraCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// "Pagos y facturas nuevas" on the reminder settings page: a radio pair per event kind, saved through
/// the organisation service (audited) and shown again.
extension EventDigestTests {
    private func remindersForm(_ extra: [(String, String)]) -> [(String, String)] {
        [
            ("_form", "reminders"), ("reminderHour", "8"), ("reminderKinds[]", "overdue"),
            ("reminderKinds[]", "new_invoice"), ("reminderKinds[]", "payment_received"),
            ("creditHoldDaysOverdue", "60"), ("lateFeePolicy", "none"), ("lateFeeAmount", ""),
            ("lateInterestRate", ""), ("legalMaximumRate", ""),
        ] + extra
    }

    @Test func theSettingThroughTheSettingsPage() async throws {
        try await TestHarness.run { h in
            let admin = try await h.signedIn("admin@empresa.co", role: .admin)
            let page = try await admin.get("/settings/reminders")
            #expect(page.body.contains("id=\"event-delivery\"") && page.body.contains("Pagos y facturas nuevas"))
            #expect(page.body.contains("id=\"delivery-payment-received-as_soon_as_allowed\" checked"))
            #expect(page.body.contains("id=\"delivery-new-invoice-as_soon_as_allowed\" checked"))
            // right after the kinds of reminder
            let kinds = try #require(page.body.range(of: "id=\"reminder-kinds\""))
            let events = try #require(page.body.range(of: "id=\"event-delivery\""))
            let credit = try #require(page.body.range(of: "id=\"credit-hold-days\""))
            #expect(kinds.lowerBound < events.lowerBound && events.lowerBound < credit.lowerBound)

            let saved = try await admin.post(
                "/settings/reminders",
                remindersForm([
                    ("newInvoiceDelivery", "as_soon_as_allowed"), ("paymentReceivedDelivery", "daily_message"),
                ]), referer: "http://localhost/settings/reminders")
            #expect(saved.status == .seeOther && saved.location == "/settings/reminders")
            let organisation = try #require(try await Organisation.find(h.organisationID, on: h.app.db))
            #expect(organisation.dailyMessageKinds == [.paymentReceived])
            let audit = try await AuditEvent.query(on: h.app.db).filter(\.$action == "organisation.updated").all()
            #expect(audit.contains { $0.details.contains("digest_kinds") }, "\(audit.map(\.details))")
            let shown = try await admin.get("/settings/reminders")
            #expect(shown.body.contains("id=\"delivery-payment-received-daily_message\" checked"))
            #expect(shown.body.contains("id=\"delivery-new-invoice-as_soon_as_allowed\" checked"))

            // a form without the radio pairs leaves the setting as it is
            _ = try await admin.post(
                "/settings/reminders", remindersForm([]), referer: "http://localhost/settings/reminders")
            let kept = try #require(try await Organisation.find(h.organisationID, on: h.app.db))
            #expect(kept.dailyMessageKinds == [.paymentReceived])

            // a value the page never offers is refused next to the fieldset
            let refused = try await admin.post(
                "/settings/reminders", remindersForm([("paymentReceivedDelivery", "whenever")]),
                referer: "http://localhost/settings/reminders")
            #expect(refused.status == .seeOther)
            let back = try await admin.get("/settings/reminders")
            #expect(back.body.contains("id=\"digest-kinds-error\""))
        }
    }
}
