import Fluent

struct CreateMessageTemplates: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MessageTemplateRecord.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("key", .string, .required)
            .field("language", .string, .required)
            .field("channel", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "organisation_id", "key", "language", "channel", name: "uq_message_templates_identity")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MessageTemplateRecord.schema).delete()
    }
}
