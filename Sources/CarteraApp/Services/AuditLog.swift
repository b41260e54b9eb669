import Fluent
import Foundation

/// Appends to the audit trail. Always called inside the transaction that makes the change.
enum AuditLog {
    static func record(
        _ action: String,
        entityType: String,
        entityID: UUID,
        details: [String: String] = [:],
        in context: ServiceContext
    ) async throws {
        let event = AuditEvent()
        event.organisationID = context.organisationID
        event.actor = context.actor.name
        event.action = action
        event.entityType = entityType
        event.entityID = entityID
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        event.details = String(decoding: try encoder.encode(details), as: UTF8.self)
        event.occurredAt = context.clock.now()
        try await event.create(on: context.db)
    }
}
