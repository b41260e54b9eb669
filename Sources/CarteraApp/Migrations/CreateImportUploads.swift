import Fluent

struct CreateImportUploads: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ImportUpload.schema)
            .field("id", .string, .identifier(auto: false))
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("file_name", .string, .required)
            .field("settings", .string, .required)
            .field("data", .data)
            .field("state", .string)
            .field("done_rows", .int64, .required)
            .field("total_rows", .int64, .required)
            .field("message", .string)
            .field("created_counts", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await SQLIndex.create(
            "idx_import_uploads_organisation", on: ImportUpload.schema, columns: ["organisation_id", "created_at"],
            on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ImportUpload.schema).delete()
    }
}
