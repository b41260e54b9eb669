import Fluent
import SQLKit

/// Keys made before roles existed could do everything: they stay admin.
struct UpdateAPIKeysAddRole: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(APIKey.schema).field("role", .string, .required, .sql(.default("admin"))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(APIKey.schema).deleteField("role").update()
    }
}
