import CarteraCore
import Fluent
import Foundation
import SQLKit

/// One conversation a day: what the daily pass tells a customer on one day goes in one message.
/// An instalment notice queued earlier in the pass (`CollectionChecks`) and not yet taken by a
/// worker rides in the customer's reminder or statement of the day, as a paragraph after the
/// greeting, and its own message is cancelled (its dedupe key stays taken, so it is not queued again).
enum SameDayNotices {
    static let ridingKeyPrefix = "plan_instalment:"

    /// The customer's notices of `date` that can still ride along.
    static func waiting(for customerID: UUID, on date: LocalDate, in context: ServiceContext) async throws
        -> [OutboxMessage]
    {
        try await OutboxMessage.query(on: context.db).filter(\.$customer.$id == customerID)
            .filter(\.$scheduledOn == date.iso).filter(\.$status == .pending).filter(\.$claimedBy == nil)
            .filter(\.$deliveryStartedAt == nil).filter(\.$dedupeKey =~ ridingKeyPrefix).sort(\.$createdAt).all()
    }

    /// Each as a paragraph: its subject says it in one line ("Cuota 1 de 5 … vence el 20 mar 2026").
    static func paragraphs(_ messages: [OutboxMessage]) -> [String] {
        messages.map { $0.subject.hasSuffix(".") ? $0.subject : $0.subject + "." }
    }

    /// Cancels the notices that went inside `message`, while no worker holds them.
    static func fold(_ messages: [OutboxMessage], into message: OutboxMessage, in context: ServiceContext)
        async throws
    {
        let into = try message.requireID()
        for notice in messages {
            let id = try notice.requireID()
            let folded = try await context.db.sql.raw(
                """
                UPDATE outbox_messages SET status = 'cancelled'
                WHERE id = \(bind: id) AND status = 'pending' AND claimed_by IS NULL AND delivery_started_at IS NULL
                RETURNING id
                """
            ).first()
            guard folded != nil else { continue }
            try await AuditLog.record(
                "message.folded", entityType: "outbox_message", entityID: id,
                details: ["into": into.uuidString], in: context)
        }
    }
}
