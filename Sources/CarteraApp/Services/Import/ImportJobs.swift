import Foundation
import Vapor

/// Imports started from the upload page, running in the background on this instance, and how far each
/// got; the page polls `GET /import/{id}/progress`. Live progress is kept here, in memory; the
/// `import_uploads` row holds the start and the end for every instance (and, on PostgreSQL, a
/// progress heartbeat), so a poll that reaches another instance still gets an answer.
actor ImportJobs {
    struct Status: Content, Equatable {
        enum State: String, Codable { case checking, writing, done, failed }
        var state: State
        var done = 0
        var total = 0
        var message: String?
        var created: ImportCounts?

        var isFinished: Bool { state == .done || state == .failed }
    }

    /// How often a running import's progress is written to the database (PostgreSQL only: SQLite
    /// serves one instance, whose memory has the live progress, and its one writer is better spent
    /// on the import's batches).
    static let heartbeat: TimeInterval = 2
    /// A database row still "running" that nobody has touched for this long died with its server.
    static let staleAfter: TimeInterval = 10 * 60

    private var jobs: [String: Status] = [:]
    private var persistedAt: [String: Date] = [:]

    func status(_ id: String) -> Status? { jobs[id] }

    /// Progress arrives from unordered tasks: a finished job stays finished, and counts only grow.
    /// Returns whether the caller should persist this progress now (at most every `heartbeat`).
    @discardableResult
    func update(_ id: String, _ status: Status, at now: Date = Date()) -> Bool {
        if let current = jobs[id],
            current.isFinished || (!status.isFinished && current.state == status.state && current.done > status.done)
        {
            return false
        }
        jobs[id] = status
        if status.isFinished {
            persistedAt[id] = nil
            return false
        }
        guard now.timeIntervalSince(persistedAt[id] ?? .distantPast) >= Self.heartbeat else { return false }
        persistedAt[id] = now
        return true
    }

    func start(_ id: String) -> Bool {
        if let current = jobs[id], !current.isFinished || current.state == .done { return false }
        jobs[id] = Status(state: .checking)
        return true
    }

    /// What the page shows: this instance's live progress, else the stored status. A stored import
    /// still running that no instance runs any more was interrupted; its transaction rolled back.
    static func resolve(
        live: Status?, stored: ImportUploads.Upload, singleInstance: Bool, now: Date, interrupted: String
    ) -> Status? {
        if let live { return live }
        guard let status = stored.status, !status.isFinished else { return stored.status }
        guard singleInstance || now.timeIntervalSince(stored.updatedAt) > staleAfter else { return status }
        return Status(state: .failed, message: interrupted)
    }
}

extension Application {
    private struct ImportJobsKey: StorageKey { typealias Value = ImportJobs }
    var importJobs: ImportJobs {
        get { storage[ImportJobsKey.self] ?? ImportJobs() }
        set { storage[ImportJobsKey.self] = newValue }
    }
}
