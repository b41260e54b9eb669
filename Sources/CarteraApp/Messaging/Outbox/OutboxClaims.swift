import Fluent
import Foundation
import SQLKit

/// The SQL by which delivery workers take messages from the outbox without ever taking the same
/// one at once. PostgreSQL: `FOR UPDATE SKIP LOCKED`, so workers on several servers share the
/// queue. SQLite: one writer at a time already, and the single UPDATE … RETURNING is atomic.
/// A claim lasts `until`. A worker that dies before handing a message to the transport leaves a
/// claim that expires and is taken again; one that dies after may have sent it, so that message is
/// marked failed for a person to check (`interrupted`) — a customer is never written to twice.
enum OutboxClaims {
    static let interruptedError =
        "interrupted during delivery: it may have been sent, so it is not resent automatically; retry it by hand after checking"

    static func claim(worker: String, now: Date, until: Date, limit: Int, on db: any Database) async throws -> [UUID] {
        struct Row: Decodable { let id: UUID }
        let sql = try db.sql
        let lock = try db.dialect.skipLocked
        let rows = try await sql.raw(
            """
            UPDATE outbox_messages
            SET status = 'sending', claimed_by = \(bind: worker), claimed_until = \(bind: until), attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM outbox_messages
                WHERE (status = 'pending' AND next_attempt_at <= \(bind: now))
                   OR (status = 'sending' AND claimed_until < \(bind: now) AND delivery_started_at IS NULL)
                ORDER BY next_attempt_at
                LIMIT \(literal: limit)\(lock)
            )
            RETURNING id
            """
        ).all(decoding: Row.self)
        return rows.map(\.id)
    }

    /// Expired claims of messages that reached the transport: failed, with the reason.
    static func abandonInterrupted(now: Date, on db: any Database) async throws -> [UUID] {
        struct Row: Decodable { let id: UUID }
        let sql = try db.sql
        return try await sql.raw(
            """
            UPDATE outbox_messages
            SET status = 'failed', claimed_by = NULL, claimed_until = NULL, last_error = \(bind: interruptedError)
            WHERE status = 'sending' AND claimed_until < \(bind: now) AND delivery_started_at IS NOT NULL
            RETURNING id
            """
        ).all(decoding: Row.self).map(\.id)
    }

    /// Gives back a claimed message that may not reach its customer yet, to be taken at `until`;
    /// the claim did not count as an attempt.
    static func postpone(_ id: UUID, worker: String, until: Date, on db: any Database) async throws {
        let sql = try db.sql
        try await sql.raw(
            """
            UPDATE outbox_messages
            SET status = 'pending', claimed_by = NULL, claimed_until = NULL, attempts = attempts - 1,
                next_attempt_at = \(bind: until)
            WHERE id = \(bind: id) AND claimed_by = \(bind: worker) AND status = 'sending'
              AND delivery_started_at IS NULL
            """
        ).run()
    }

    /// Marks the message as handed to the transport, if this worker still holds it.
    static func startDelivery(_ id: UUID, worker: String, now: Date, on db: any Database) async throws -> Bool {
        let sql = try db.sql
        return try await sql.raw(
            """
            UPDATE outbox_messages SET delivery_started_at = \(bind: now)
            WHERE id = \(bind: id) AND claimed_by = \(bind: worker) AND status = 'sending' RETURNING id
            """
        ).first() != nil
    }
}
