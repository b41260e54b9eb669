import Fluent
import SQLKit

/// The organisation's own sender (name and address of its emails), the hour its reminders go out,
/// and the bank accounts customers pay into (a JSON list, see `StoredBankAccounts`).
struct UpdateOrganisationsAddSenderAndBankAccounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Organisation.schema).field("sender_name", .string).update()
        try await database.schema(Organisation.schema).field("sender_email", .string).update()
        try await database.schema(Organisation.schema).field("reminder_hour", .int).update()
        try await database.schema(Organisation.schema)
            .field("bank_accounts", .string, .required, .sql(.default("[]"))).update()
    }

    func revert(on database: any Database) async throws {
        for field in ["sender_name", "sender_email", "reminder_hour", "bank_accounts"] {
            try await database.schema(Organisation.schema).deleteField(.string(field)).update()
        }
    }
}
