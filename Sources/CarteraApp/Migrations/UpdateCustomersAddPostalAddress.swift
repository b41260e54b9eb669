import Fluent

/// Where letters go: the customer's postal address, each part optional.
struct UpdateCustomersAddPostalAddress: AsyncMigration {
    static let fields: [FieldKey] = ["address_line", "city", "region", "postal_code", "country"]

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one at a time.
        for key in Self.fields {
            try await database.schema(Customer.schema).field(key, .string).update()
        }
    }

    func revert(on database: any Database) async throws {
        for key in Self.fields {
            try await database.schema(Customer.schema).deleteField(key).update()
        }
    }
}
