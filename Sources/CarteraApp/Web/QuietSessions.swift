import Fluent
import Vapor

/// Database sessions that are written only when they change. Vapor saves the session on every
/// response; with sessions in the database that is a write per page view, which costs PostgreSQL
/// little but makes SQLite's single writer the bottleneck of a busy workspace.
struct QuietSessions: AsyncSessionDriver {
    let inner: any SessionDriver

    private struct AsRead: StorageKey { typealias Value = SessionData }

    func createSession(_ data: SessionData, for request: Request) async throws -> SessionID {
        try await inner.createSession(data, for: request).get()
    }

    func readSession(_ sessionID: SessionID, for request: Request) async throws -> SessionData? {
        let data = try await inner.readSession(sessionID, for: request).get()
        request.storage[AsRead.self] = data
        return data
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) async throws -> SessionID {
        if request.storage[AsRead.self] == data { return sessionID }
        return try await inner.updateSession(sessionID, to: data, for: request).get()
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) async throws {
        try await inner.deleteSession(sessionID, for: request).get()
    }
}
