import Fluent

struct CreateDunningHolds: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DunningHold.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("invoice_id", .uuid, .required, .references(Invoice.schema, .id))
            .field("reason", .string, .required)
            .field("source_id", .uuid, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string)
            .field("released_at", .datetime)
            .field("created_at", .datetime)
            .create()
        try await SQLIndex.create(
            "idx_dunning_holds_invoice", on: DunningHold.schema, columns: ["invoice_id"], on: database)
        try await SQLIndex.create(
            "idx_dunning_holds_source", on: DunningHold.schema, columns: ["source_id"], on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DunningHold.schema).delete()
    }
}
