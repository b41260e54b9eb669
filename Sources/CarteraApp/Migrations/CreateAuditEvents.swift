import Fluent

struct CreateAuditEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEvent.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("entity_type", .string, .required)
            .field("entity_id", .uuid, .required)
            .field("details", .string, .required)
            .field("occurred_at", .datetime, .required)
            .create()
        try await SQLIndex.create(
            "idx_audit_events_entity", on: AuditEvent.schema, columns: ["entity_type", "entity_id"], on: database)
        try await SQLIndex.create(
            "idx_audit_events_org_time", on: AuditEvent.schema, columns: ["organisation_id", "occurred_at"],
            on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEvent.schema).delete()
    }
}
