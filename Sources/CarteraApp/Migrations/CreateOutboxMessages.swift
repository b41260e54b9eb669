import Fluent

struct CreateOutboxMessages: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OutboxMessage.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("customer_id", .uuid, .required, .references(Customer.schema, .id))
            .field("kind", .string, .required)
            .field("channel", .string, .required)
            .field("tone", .string, .required)
            .field("dedupe_key", .string, .required)
            .field("recipient_name", .string, .required)
            .field("recipient_address", .string, .required)
            .field("subject", .string, .required)
            .field("body_text", .string, .required)
            .field("body_html", .string, .required)
            .field("rfc_message_id", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("claimed_by", .string)
            .field("claimed_until", .datetime)
            .field("last_error", .string)
            .field("scheduled_on", .string, .required)
            .field("sent_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "dedupe_key", name: "uq_outbox_messages_dedupe_key")
            .create()
        try await SQLIndex.create(
            "idx_outbox_status_next", on: OutboxMessage.schema, columns: ["status", "next_attempt_at"], on: database)
        try await SQLIndex.create(
            "idx_outbox_customer", on: OutboxMessage.schema, columns: ["customer_id", "created_at"], on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OutboxMessage.schema).delete()
    }
}
