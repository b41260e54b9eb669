import Fluent
import SQLKit

struct UpdateOrganisationsAddLateFeeSettings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Organisation.schema).field(
            "late_fee_policy", .string, .required, .sql(.default("none"))
        ).update()
        try await database.schema(Organisation.schema).field("late_fee_minor", .int64).update()
        try await database.schema(Organisation.schema).field("late_interest_basis_points", .int).update()
        try await database.schema(Organisation.schema).field("legal_maximum_basis_points", .int).update()
    }

    func revert(on database: any Database) async throws {
        for field in ["late_fee_policy", "late_fee_minor", "late_interest_basis_points", "legal_maximum_basis_points"] {
            try await database.schema(Organisation.schema).deleteField(.string(field)).update()
        }
    }
}
