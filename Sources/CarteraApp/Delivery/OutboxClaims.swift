import Fluent
import Foundation
import SQLKit

/// The SQL by which delivery workers take messages from the outbox without ever taking the same
/// one at once. PostgreSQL: `FOR UPDATE SKIP LOCKED`, so workers on several servers share the
/// queue. SQLite: one writer at a time already, and the single UPDATE … RETURNING is atomic.
/// A claim lasts `until`; a worker that dies mid-send leaves a claim that expires and is taken again.
enum OutboxClaims {
    static func claim(worker: String, now: Date, until: Date, limit: Int, on db: any Database) async throws -> [UUID] {
        struct Row: Decodable { let id: UUID }
        let sql = db as! any SQLDatabase
        let lock: SQLQueryString = sql.dialect.name == "postgresql" ? " FOR UPDATE SKIP LOCKED" : ""
        let rows = try await sql.raw("""
            UPDATE outbox_messages
            SET status = 'sending', claimed_by = \(bind: worker), claimed_until = \(bind: until), attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM outbox_messages
                WHERE (status = 'pending' AND next_attempt_at <= \(bind: now))
                   OR (status = 'sending' AND claimed_until < \(bind: now))
                ORDER BY next_attempt_at
                LIMIT \(literal: limit)\(lock)
            )
            RETURNING id
            """).all(decoding: Row.self)
        return rows.map(\.id)
    }
}
