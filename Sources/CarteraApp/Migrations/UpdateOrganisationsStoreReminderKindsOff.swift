import Fluent
import Foundation
import SQLKit

/// Organisations stored the reminder kinds switched on, so a kind added later was off for all of them
/// until each switched it on. They now store the kinds switched off (as customers already did):
/// off = the kinds there were − the stored list, and a new kind is on without touching any row.
struct UpdateOrganisationsStoreReminderKindsOff: AsyncMigration {
    /// The kinds there were when this migration was written. Frozen on purpose: a kind added to
    /// `ReminderKind` later must not be read as "switched off" when an old database is upgraded.
    static let kindsWhenWritten = ["new_invoice", "payment_received", "before_due", "overdue", "debt_summary"]

    func prepare(on database: any Database) async throws {
        try await database.schema(Organisation.schema).field(
            "reminder_kinds_off", .string, .required, .sql(.default(""))
        ).update()
        for enabled in try await Columns.query(on: database).unique().all(\.$reminderKinds) {
            let on = Set(StoredList<String>.decode(enabled))
            try await Columns.query(on: database).filter(\.$reminderKinds == enabled)
                .set(\.$reminderKindsOff, to: StoredList.encode(Self.kindsWhenWritten.filter { !on.contains($0) }))
                .update()
        }
        try await database.schema(Organisation.schema).deleteField("reminder_kinds").update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Organisation.schema)
            .field("reminder_kinds", .string, .required, .sql(.default(StoredList.encode(Self.kindsWhenWritten))))
            .update()
        for off in try await Columns.query(on: database).unique().all(\.$reminderKindsOff) {
            let switchedOff = Set(StoredList<String>.decode(off))
            try await Columns.query(on: database).filter(\.$reminderKindsOff == off)
                .set(
                    \.$reminderKinds, to: StoredList.encode(Self.kindsWhenWritten.filter { !switchedOff.contains($0) })
                ).update()
        }
        try await database.schema(Organisation.schema).deleteField("reminder_kinds_off").update()
    }

    /// Just the two columns, so the migration does not depend on today's `Organisation` model.
    final class Columns: Model, @unchecked Sendable {
        static let schema = "organisations"
        @ID(key: .id) var id: UUID?
        @Field(key: "reminder_kinds") var reminderKinds: String
        @Field(key: "reminder_kinds_off") var reminderKindsOff: String
        init() {}
    }
}
