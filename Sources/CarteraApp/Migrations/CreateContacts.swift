import Fluent

struct CreateContacts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Contact.schema)
            .id()
            .field("customer_id", .uuid, .required, .references(Customer.schema, .id, onDelete: .cascade))
            .field("name", .string, .required)
            .field("role", .string, .required)
            .field("email", .string)
            .field("phone", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await SQLIndex.create("idx_contacts_customer", on: Contact.schema, columns: ["customer_id"], on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Contact.schema).delete()
    }
}
