import Fluent

struct CreatePayments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Payment.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("customer_id", .uuid, .required, .references(Customer.schema, .id))
            .field("received_on", .string, .required)
            .field("currency", .string, .required)
            .field("amount_minor", .int64, .required)
            .field("allocated_minor", .int64, .required)
            .field("method", .string, .required)
            .field("reference", .string)
            .field("notes", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await SQLIndex.create(
            "idx_payments_customer", on: Payment.schema, columns: ["customer_id", "received_on"], on: database)
        try await SQLIndex.create(
            "idx_payments_org_received", on: Payment.schema, columns: ["organisation_id", "received_on"], on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Payment.schema).delete()
    }
}
