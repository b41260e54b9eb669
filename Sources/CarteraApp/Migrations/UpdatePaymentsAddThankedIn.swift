import Fluent

/// Which thank-you named a payment, so several payments of one day get one thank-you naming each.
struct UpdatePaymentsAddThankedIn: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Payment.schema).field("thanked_in_message_id", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Payment.schema).deleteField("thanked_in_message_id").update()
    }
}
