import CarteraCore
import Fluent
import Foundation
import SQLKit

/// The SQL that keeps the staff digest to one email per person and local day. A sender claims the
/// (person, day) row before it composes anything: the unique index lets exactly one insert through,
/// whichever server tried first, so two schedulers never both send. A sender that stops after the
/// claim leaves the row without `sent_at` and the digest is not sent again that day — missing one
/// morning's summary is better than a second copy. A transport that refused the message gives the
/// claim back, so the next tick tries again.
enum StaffDigestClaims {
    /// The claim's id, or nil when this person's digest of `day` was claimed already.
    static func claim(organisationID: UUID, userID: UUID, day: LocalDate, now: Date, on db: any Database)
        async throws -> UUID?
    {
        struct Row: Decodable { let id: UUID }
        let sql = try db.sql
        return try await sql.raw(
            """
            INSERT INTO staff_digests (id, organisation_id, user_id, day, claimed_at)
            VALUES (\(bind: UUID()), \(bind: organisationID), \(bind: userID), \(bind: day.iso), \(bind: now))
            ON CONFLICT (user_id, day) DO NOTHING
            RETURNING id
            """
        ).first(decoding: Row.self)?.id
    }

    static func markSent(_ id: UUID, now: Date, on db: any Database) async throws {
        let sql = try db.sql
        try await sql.raw("UPDATE staff_digests SET sent_at = \(bind: now) WHERE id = \(bind: id)").run()
    }

    /// Gives the claim back after the transport refused the message, so a later tick sends it.
    static func release(_ id: UUID, on db: any Database) async throws {
        let sql = try db.sql
        try await sql.raw("DELETE FROM staff_digests WHERE id = \(bind: id) AND sent_at IS NULL").run()
    }

    /// Who of `userIDs` has a claim for `day` already: left out before the dry run is even made.
    static func claimed(_ userIDs: [UUID], day: LocalDate, on db: any Database) async throws -> Set<UUID> {
        guard !userIDs.isEmpty else { return [] }
        let rows = try await StaffDigestRecord.query(on: db)
            .filter(\.$userID ~~ userIDs).filter(\.$day == day.iso).all()
        return Set(rows.map(\.userID))
    }
}
