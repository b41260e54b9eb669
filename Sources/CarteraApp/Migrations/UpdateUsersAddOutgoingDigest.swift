import Fluent
import SQLKit

/// Whether the person gets the morning email of what the next run sends (`StaffDigest`); the
/// organisation's `outgoing_digest` stays the master switch. On for everyone who exists already.
struct UpdateUsersAddOutgoingDigest: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema)
            .field("outgoing_digest", .bool, .required, .sql(.default(true))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("outgoing_digest").update()
    }
}
