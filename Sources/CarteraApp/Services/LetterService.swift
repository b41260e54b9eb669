import CarteraCore
import Fluent
import Foundation

/// Letters: the queue of those ready to print, and handing them to the post. A letter is an outbox message
/// on the `letter` channel; the daily run queues it `ready` with a task for whoever prints it, and marking it
/// posted closes that task.
enum LetterService {
    /// The organisation's letters waiting to be printed and posted, the oldest first (the order they are printed in).
    static func queue(in context: ServiceContext) async throws -> [OutboxMessage] {
        try await letters(in: context).filter(\.$status == .ready).sort(\.$createdAt).sort(\.$id).all()
    }

    /// The last letters posted, the latest first.
    static func recentlyPosted(limit: Int = 10, in context: ServiceContext) async throws -> [OutboxMessage] {
        try await letters(in: context).filter(\.$status == .posted).sort(\.$sentAt, .descending).sort(\.$id)
            .limit(limit).all()
    }

    static func find(_ id: UUID, in context: ServiceContext) async throws -> OutboxMessage {
        guard let letter = try await letters(in: context).filter(\.$id == id).first() else {
            throw ServiceError.notFound("letter")
        }
        return letter
    }

    /// Marks the letters posted today, all or none: each must still be ready (not posted or cancelled
    /// meanwhile). Each is audited with the day, and the letter task of its customer for the day it was
    /// queued is closed.
    @discardableResult
    static func markPosted(_ input: LettersPostedInput, in context: ServiceContext) async throws -> [OutboxMessage] {
        let ids = Array(Set(input.messageIds))
        guard !ids.isEmpty else { throw ServiceError.invalid("message_ids", "message_ids names no letter") }
        guard ids.count <= 500 else {
            throw ServiceError.invalid("message_ids", code: "out_of_range", "message_ids holds at most 500 letters")
        }
        let today = context.today
        return try await context.transaction { tx in
            let found = try await letters(in: tx).filter(\.$id ~~ ids).all()
            guard found.count == ids.count else { throw ServiceError.notFound("letter") }
            if let taken = found.first(where: { $0.status != .ready }) {
                throw ServiceError.conflict(
                    "letter_not_ready", "A \(taken.status.rawValue) letter cannot be marked posted; reload the page")
            }
            let now = tx.clock.now()
            for letter in found.sorted(by: { ($0.createdAt ?? now) < ($1.createdAt ?? now) }) {
                letter.status = .posted
                letter.sentAt = now
                try await letter.save(on: tx.db)
                try await AuditLog.record(
                    "letter.posted", entityType: "outbox_message", entityID: try letter.requireID(),
                    details: [
                        "posted_on": today.iso, "customer_id": letter.$customer.id.uuidString,
                        "to": letter.recipientName,
                    ], in: tx)
                for task in try await tasks(of: letter, in: tx) {
                    _ = try await TaskService.finish(task, in: tx)
                }
            }
            return found
        }
    }

    /// The open letter task the daily run made with the letter: its customer's, due the day it was queued.
    private static func tasks(of letter: OutboxMessage, in context: ServiceContext) async throws -> [CollectionTask] {
        try await CollectionTask.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .filter(\.$customer.$id == letter.$customer.id).filter(\.$kind == .letter).filter(\.$status == .open)
            .filter(\.$dueOn == letter.scheduledOn).all()
    }

    private static func letters(in context: ServiceContext) -> QueryBuilder<OutboxMessage> {
        OutboxMessage.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .filter(\.$channel == .letter)
    }
}
