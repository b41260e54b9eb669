import Fluent
import SQLKit

struct UpdateOrganisationsAddCreditSettings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Organisation.schema).field("credit_hold_days_overdue", .int).update()
        try await database.schema(Organisation.schema).field("reference_rates", .string, .required, .sql(.default("")))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Organisation.schema).deleteField("credit_hold_days_overdue").update()
        try await database.schema(Organisation.schema).deleteField("reference_rates").update()
    }
}
