import Fluent

/// The collector workspace: who works the account, credit hold by hand, escalation to an agency.
struct UpdateCustomersAddCollectionFields: AsyncMigration {
    static let fields: [(FieldKey, DatabaseSchema.DataType)] = [
        ("assigned_user_id", .uuid), ("credit_hold_reason", .string), ("credit_hold_since", .string),
        ("escalated_to", .string), ("escalated_on", .string),
    ]

    func prepare(on database: any Database) async throws {
        for (key, type) in Self.fields {
            try await database.schema(Customer.schema).field(key, type).update()
        }
    }

    func revert(on database: any Database) async throws {
        for (key, _) in Self.fields {
            try await database.schema(Customer.schema).deleteField(key).update()
        }
    }
}
