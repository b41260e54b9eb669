import Fluent

/// Bounced checks and returned transfers: the payment stays on record, marked reversed.
struct UpdatePaymentsAddReversal: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Payment.schema).field("reversed_on", .string).update()
        try await database.schema(Payment.schema).field("reversal_reason", .string).update()
        try await database.schema(Allocation.schema).field("earned_by_payment_id", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Payment.schema).deleteField("reversed_on").update()
        try await database.schema(Payment.schema).deleteField("reversal_reason").update()
        try await database.schema(Allocation.schema).deleteField("earned_by_payment_id").update()
    }
}
