import Fluent
import SQLKit

/// The event kinds (new invoice, payment received) an organisation sends in the customer's message of
/// the day instead of as soon as allowed (`EventDelivery`); empty, today's behaviour, for every row.
struct UpdateOrganisationsAddDigestKinds: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Organisation.schema)
            .field("digest_kinds", .string, .required, .sql(.default(""))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Organisation.schema).deleteField("digest_kinds").update()
    }
}
