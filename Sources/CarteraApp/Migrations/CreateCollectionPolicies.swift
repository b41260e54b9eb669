import Fluent

struct CreateCollectionPolicies: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CollectionPolicyRecord.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("name", .string, .required)
            .field("is_default", .bool, .required)
            .field("steps", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "organisation_id", "name", name: "uq_collection_policies_org_name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CollectionPolicyRecord.schema).delete()
    }
}
