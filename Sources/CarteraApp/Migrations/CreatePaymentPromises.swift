import Fluent

struct CreatePaymentPromises: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PaymentPromise.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("customer_id", .uuid, .required, .references(Customer.schema, .id))
            .field("promised_on", .string, .required)
            .field("currency", .string, .required)
            .field("amount_minor", .int64, .required)
            .field("status", .string, .required)
            .field("note", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await SQLIndex.create(
            "idx_payment_promises_customer", on: PaymentPromise.schema, columns: ["customer_id", "status"], on: database
        )
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PaymentPromise.schema).delete()
    }
}
