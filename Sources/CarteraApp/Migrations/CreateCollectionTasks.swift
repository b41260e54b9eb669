import Fluent

struct CreateCollectionTasks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CollectionTask.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("customer_id", .uuid, .required, .references(Customer.schema, .id))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("due_on", .string, .required)
            .field("status", .string, .required)
            .field("dedupe_key", .string, .required)
            .field("invoice_ids", .string, .required)
            .field("created_at", .datetime)
            .field("completed_at", .datetime)
            .unique(on: "dedupe_key", name: "uq_collection_tasks_dedupe_key")
            .create()
        try await SQLIndex.create(
            "idx_collection_tasks_org_status", on: CollectionTask.schema,
            columns: ["organisation_id", "status", "due_on"], on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CollectionTask.schema).delete()
    }
}
