import Fluent

struct CreateWebhookEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(WebhookEvent.schema)
            .id()
            .field("provider", .string, .required)
            .field("event_id", .string, .required)
            .field("event_type", .string, .required)
            .field("payment_id", .uuid)
            .field("created_at", .datetime)
            .unique(on: "provider", "event_id", name: "uq_webhook_events_event")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(WebhookEvent.schema).delete()
    }
}
