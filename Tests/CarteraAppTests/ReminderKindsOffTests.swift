import CarteraCore
import Fluent
import Testing

@testable import CarteraApp

/// Organisations store the reminder kinds they switched off; `reminder_kinds` on the API still lists
/// the kinds that are on.
@Suite struct ReminderKindsOffTests {
    typealias Columns = UpdateOrganisationsStoreReminderKindsOff.Columns

    @Test func theMigrationKeepsWhatWasOnAndLeavesEveryOtherKindOn() async throws {
        try await TestHarness.run { h in
            // given an organisation as stored before: the kinds switched on
            let migration = UpdateOrganisationsStoreReminderKindsOff()
            // One connection throughout, as when migrating at boot: schema changes and the rows they
            // convert must not be read through a pooled connection holding an older snapshot.
            try await h.app.db.withConnection { db in
                try await migration.revert(on: db)
                try await Columns.query(on: db).set(\.$reminderKinds, to: "overdue,debt_summary").update()
                // when
                try await migration.prepare(on: db)
            }
            // then
            let organisation = try #require(try await Organisation.find(h.organisationID, on: h.app.db))
            #expect(organisation.reminderKindsOff == "new_invoice,payment_received,before_due")
            #expect(organisation.enabledReminderKinds == [.overdue, .debtSummary])
            #expect(
                try await h.get("/api/v1/organisation").json["reminder_kinds"].array.compactMap(\.string) == [
                    "overdue", "debt_summary",
                ])
        }
    }

    @Test func anOrganisationWithEveryKindOnStoresNothingSoALaterKindIsOnToo() async throws {
        try await TestHarness.run { h in
            let migration = UpdateOrganisationsStoreReminderKindsOff()
            try await h.app.db.withConnection { db in
                try await migration.revert(on: db) // the old column's default: all five on
                try await migration.prepare(on: db)
            }
            let organisation = try #require(try await Organisation.find(h.organisationID, on: h.app.db))
            #expect(organisation.reminderKindsOff == "")
            #expect(organisation.enabledReminderKinds == Set(ReminderKind.allCases))
        }
    }

    @Test func aKindTheStoredRowDoesNotNameIsOn() async throws {
        try await TestHarness.run { h in
            // given kinds switched on through the API
            let patched = try await h.patch("/api/v1/organisation", ["reminder_kinds": ["overdue", "new_invoice"]])
            #expect(patched.status == .ok)
            #expect(patched.json["reminder_kinds"].array.compactMap(\.string) == ["new_invoice", "overdue"])
            let organisation = try #require(try await Organisation.find(h.organisationID, on: h.app.db))
            #expect(organisation.reminderKindsOff == "payment_received,before_due,debt_summary")
            // when the row says nothing about a kind (as for one added to `ReminderKind` later)
            organisation.reminderKindsOff = "payment_received,debt_summary"
            try await organisation.save(on: h.app.db)
            // then it is on
            let kinds = try await h.get("/api/v1/organisation").json["reminder_kinds"].array.compactMap(\.string)
            #expect(kinds == ["new_invoice", "before_due", "overdue"])
        }
    }
}
