import Fluent
import Foundation

/// An append-only record of a change to money or to what a customer was told.
public final class AuditEvent: Model, @unchecked Sendable {
    public static let schema = "audit_events"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "actor") public var actor: String
    @Field(key: "action") public var action: String
    @Field(key: "entity_type") public var entityType: String
    @Field(key: "entity_id") public var entityID: UUID
    /// JSON object with the facts of the change (amounts, old/new values).
    @Field(key: "details") public var details: String
    @Field(key: "occurred_at") public var occurredAt: Date

    public init() {}
}
