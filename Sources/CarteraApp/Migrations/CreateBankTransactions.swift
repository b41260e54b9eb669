import Fluent

struct CreateBankTransactions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StatementImport.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("format", .string, .required)
            .field("file_name", .string, .required)
            .field("lines", .int, .required)
            .field("new_lines", .int, .required)
            .field("matched", .int, .required)
            .field("review", .int, .required)
            .field("actor", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(BankTransaction.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("import_id", .uuid, .required, .references(StatementImport.schema, .id))
            .field("identity_hash", .string, .required)
            .field("account", .string, .required)
            .field("booking_date", .string, .required)
            .field("currency", .string, .required)
            .field("amount_minor", .int64, .required)
            .field("bank_reference", .string)
            .field("remittance_text", .string, .required)
            .field("counterparty_name", .string)
            .field("counterparty_account", .string)
            .field("status", .string, .required)
            .field("match_rule", .string, .required)
            .field("confidence", .int, .required)
            .field("customer_id", .uuid)
            .field("proposal", .string, .required)
            .field("payment_id", .uuid)
            .field("note", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "organisation_id", "identity_hash", name: "uq_bank_transactions_identity")
            .create()
        try await SQLIndex.create(
            "idx_bank_transactions_status", on: BankTransaction.schema,
            columns: ["organisation_id", "status", "booking_date"], on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BankTransaction.schema).delete()
        try await database.schema(StatementImport.schema).delete()
    }
}
