import Fluent

struct CreateCustomers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Customer.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("legal_name", .string, .required)
            .field("tax_id", .string)
            .field("payment_terms", .string, .required)
            .field("currency", .string, .required)
            .field("credit_limit_minor", .int64)
            .field("language", .string, .required)
            .field("notes", .string, .required)
            .field("tags", .array(of: .string), .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await SQLIndex.create(
            "idx_customers_org_name", on: Customer.schema, columns: ["organisation_id", "legal_name"], on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Customer.schema).delete()
    }
}
