import Fluent

/// A customer whose contact rules or clock differ from the organisation's: `jurisdiction`
/// (`Jurisdiction` raw value) and `time_zone` (an IANA identifier); nil follows the organisation.
struct UpdateCustomersAddContactRules: AsyncMigration {
    static let fields: [FieldKey] = ["jurisdiction", "time_zone"]

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
