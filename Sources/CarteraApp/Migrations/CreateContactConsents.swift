import Fluent

/// What a contact said about each channel, when someone recorded it: one row per contact and
/// channel. No row is the default of a contact entered or imported: authorised for the channels its
/// address implies (see `ConsentState`).
struct CreateContactConsents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ContactConsent.schema)
            .id()
            .field("contact_id", .uuid, .required, .references(Contact.schema, .id, onDelete: .cascade))
            .field("channel", .string, .required)
            .field("state", .string, .required)
            .field("changed_on", .string, .required)
            .field("source", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "contact_id", "channel", name: "uq_contact_consents_channel")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ContactConsent.schema).delete()
    }
}
