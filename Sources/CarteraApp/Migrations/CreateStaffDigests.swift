import Fluent

/// One row per person and local day a digest was claimed for: the unique index is what keeps it to
/// one email a day, with two schedulers and after a crash (see `StaffDigestClaims`).
struct CreateStaffDigests: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StaffDigestRecord.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("day", .string, .required)
            .field("claimed_at", .datetime, .required)
            .field("sent_at", .datetime)
            .unique(on: "user_id", "day", name: "uq_staff_digests_user_day")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StaffDigestRecord.schema).delete()
    }
}
