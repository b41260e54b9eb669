import Fluent

/// Which new-invoice message named an invoice, so several invoices of one day get one message.
struct UpdateInvoicesAddAnnouncedIn: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Invoice.schema).field("announced_in_message_id", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Invoice.schema).deleteField("announced_in_message_id").update()
    }
}
