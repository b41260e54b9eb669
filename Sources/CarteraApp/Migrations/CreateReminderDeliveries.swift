import Fluent

struct CreateReminderDeliveries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReminderDelivery.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("invoice_id", .uuid, .required, .references(Invoice.schema, .id))
            .field("step_key", .string, .required)
            .field("outbox_message_id", .uuid, .references(OutboxMessage.schema, .id))
            .field("task_id", .uuid)
            .field("run_on", .string, .required)
            .field("created_at", .datetime)
            // The guarantee behind "at most once per (invoice, step)", even with several workers.
            .unique(on: "invoice_id", "step_key", name: "uq_reminder_deliveries_invoice_step")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReminderDelivery.schema).delete()
    }
}
