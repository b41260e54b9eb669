import Fluent
import SQLKit

/// The day an organisation's collections started (`Organisation.collectionsStart`). An organisation
/// that already sent reminders started on the day of its first one; the others start on their next
/// daily pass or import.
struct UpdateOrganisationsAddCollectionsStart: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Organisation.schema).field("collections_start", .string).update()
        try await database.sql.raw(
            """
            UPDATE organisations SET collections_start =
              (SELECT MIN(d.run_on) FROM reminder_deliveries d WHERE d.organisation_id = organisations.id)
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Organisation.schema).deleteField("collections_start").update()
    }
}
