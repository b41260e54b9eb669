import CarteraCore
import Fluent
import SQLKit

/// The safety check's and the outgoing page's settings: how many working days a bank statement may be
/// old and what happens past that (`StaleStatementMode`), an organisation-wide pause with the day the
/// run sends again, and whether the people who work accounts get the morning email of what goes out.
struct UpdateOrganisationsAddSafetySettings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Organisation.schema)
            .field("statement_stale_days", .int, .required, .sql(.default(3))).update()
        try await database.schema(Organisation.schema)
            .field("statement_stale_mode", .string, .required, .sql(.default(StaleStatementMode.hold.rawValue)))
            .update()
        try await database.schema(Organisation.schema).field("paused_until", .string).update()
        try await database.schema(Organisation.schema)
            .field("outgoing_digest", .bool, .required, .sql(.default(true))).update()
    }

    func revert(on database: any Database) async throws {
        for field in ["statement_stale_days", "statement_stale_mode", "paused_until", "outgoing_digest"] {
            try await database.schema(Organisation.schema).deleteField(.string(field)).update()
        }
    }
}
