import Fluent
import SQLKit

/// How far ahead a customer may promise on the portal, and the least share of the invoices it
/// covers a portal promise must be (see `Organisation.portalLimits`).
struct UpdateOrganisationsAddPortalLimits: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Organisation.schema)
            .field("portal_promise_max_days", .int, .required, .sql(.default(PortalLimits.defaultPromiseMaxDays)))
            .update()
        try await database.schema(Organisation.schema)
            .field(
                "portal_promise_minimum_basis_points", .int, .required,
                .sql(.default(PortalLimits.defaultPromiseMinimumBasisPoints))
            ).update()
    }

    func revert(on database: any Database) async throws {
        for field in ["portal_promise_max_days", "portal_promise_minimum_basis_points"] {
            try await database.schema(Organisation.schema).deleteField(.string(field)).update()
        }
    }
}
