import Fluent
import Foundation
import Vapor

/// Database sessions (`web_sessions`, shared by every app instance) that are written only when
/// there is something to keep, and only when it changed. Vapor saves the session on every
/// response; with sessions in the database that was a write per page view (SQLite's single writer
/// the bottleneck of a busy workspace) and a row for every anonymous visitor, never purged.
///
/// A visitor with nothing to keep gets a cookie with a random id and no row: enough for the
/// sign-in form's CSRF token (`Request.csrfToken`). A row appears at sign-in (or when a visitor
/// picks a language or gets a message to show), keyed by the id's SHA-256, and ends after
/// `lifetime`; the daily pass deletes the ended ones.
struct QuietSessions: AsyncSessionDriver {
    let lifetime: TimeInterval

    /// The data as it was read, to skip writing what did not change.
    private struct AsRead: StorageKey { typealias Value = SessionData }

    func createSession(_ data: SessionData, for request: Request) async throws -> SessionID {
        // A visitor keeps the cookie they came with, so the token of the form they were shown still
        // matches when they send it; a stored session always gets a new id (no fixation).
        guard Self.worthKeeping(data) else { return Self.visitorID(request) ?? Self.newID() }
        let id = Self.newID()
        let now = request.application.clock.now()
        let record = WebSessionRecord()
        record.keyHash = Self.hash(id)
        record.data = try Self.encode(data)
        record.userID = data.snapshot[Session.userIDKey].flatMap(UUID.init(uuidString:))
        record.createdAt = now
        record.expiresAt = now.addingTimeInterval(lifetime)
        try await record.create(on: request.db)
        return id
    }

    func readSession(_ sessionID: SessionID, for request: Request) async throws -> SessionData? {
        guard
            let record = try await WebSessionRecord.query(on: request.db).filter(\.$keyHash == Self.hash(sessionID))
                .filter(\.$expiresAt > request.application.clock.now()).first(),
            let values = try? JSONDecoder().decode([String: String].self, from: Data(record.data.utf8))
        else { return nil }
        let data = SessionData(initialData: values)
        request.storage[AsRead.self] = data
        return data
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) async throws -> SessionID {
        guard let read = request.storage[AsRead.self] else {
            // No row behind this id: a visitor's cookie, kept as it is until there is something to store.
            return Self.worthKeeping(data) ? try await createSession(data, for: request) : sessionID
        }
        if read == data { return sessionID }
        try await WebSessionRecord.query(on: request.db).filter(\.$keyHash == Self.hash(sessionID))
            .set(\.$data, to: try Self.encode(data))
            .set(\.$userID, to: data.snapshot[Session.userIDKey].flatMap(UUID.init(uuidString:)))
            .update()
        return sessionID
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) async throws {
        try await WebSessionRecord.query(on: request.db).filter(\.$keyHash == Self.hash(sessionID)).delete()
    }

    static func newID() -> SessionID {
        SessionID(string: [UInt8].random(count: 32).base64URLEncoded)
    }

    /// The cookie's id when it looks like one of ours (43 base64url characters).
    static func visitorID(_ request: Request) -> SessionID? {
        guard let value = request.cookies[Request.sessionCookieName]?.string, value.utf8.count == 43,
            value.unicodeScalars.allSatisfy({
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_")
            })
        else { return nil }
        return SessionID(string: value)
    }

    static func hash(_ id: SessionID) -> String {
        SHA256.hash(data: Data(id.string.utf8)).hexEncodedString()
    }

    private static func worthKeeping(_ data: SessionData) -> Bool {
        !data.snapshot.isEmpty
    }

    private static func encode(_ data: SessionData) throws -> String {
        String(decoding: try JSONEncoder().encode(data.snapshot), as: UTF8.self)
    }
}

/// Ending sessions outside a request: sign out everywhere, after a password change, and the purge.
enum WebSessions {
    /// Every session of `userID` except the one with `keeping` (the person's own, after they change
    /// their password).
    static func end(userID: UUID, keeping: SessionID? = nil, on db: any Database) async throws {
        var query = WebSessionRecord.query(on: db).filter(\.$userID == userID)
        if let keeping { query = query.filter(\.$keyHash != QuietSessions.hash(keeping)) }
        try await query.delete()
    }

    /// Sessions past their end; run by the daily pass.
    static func purge(now: Date, on db: any Database) async throws {
        try await WebSessionRecord.query(on: db).filter(\.$expiresAt < now).delete()
    }
}
