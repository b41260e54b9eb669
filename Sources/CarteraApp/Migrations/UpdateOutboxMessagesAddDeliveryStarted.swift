import Fluent

struct UpdateOutboxMessagesAddDeliveryStarted: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OutboxMessage.schema).field("delivery_started_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OutboxMessage.schema).deleteField("delivery_started_at").update()
    }
}
