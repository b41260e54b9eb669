import Fluent
import SQLKit

struct UpdateOrganisationsAddReminderSettings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per ALTER TABLE: SQLite adds a single column at a time.
        try await database.schema(Organisation.schema).field(
            "reminder_kinds", .string, .required,
            .sql(.default("new_invoice,payment_received,before_due,overdue,debt_summary"))
        ).update()
        try await database.schema(Organisation.schema).field(
            "summary_frequency", .string, .required, .sql(.default("monthly"))
        ).update()
        try await database.schema(Organisation.schema).field(
            "working_weekdays", .string, .required, .sql(.default("1,2,3,4,5"))
        ).update()
        try await database.schema(Organisation.schema).field("holidays", .string, .required, .sql(.default("")))
            .update()
        try await database.schema(Organisation.schema).field(
            "payment_instructions", .string, .required, .sql(.default(""))
        ).update()
        try await database.schema(Organisation.schema).field("reply_to_email", .string).update()
    }

    func revert(on database: any Database) async throws {
        for field in [
            "reminder_kinds", "summary_frequency", "working_weekdays", "holidays", "payment_instructions",
            "reply_to_email",
        ] {
            try await database.schema(Organisation.schema).deleteField(.string(field)).update()
        }
    }
}
