import Fluent
import Foundation
import SQLKit

/// Files uploaded on the import page (`ImportUpload` rows), kept between the preview and the import
/// under a random id that only the uploader's session knows, with the import's state. Any server
/// instance can serve any step. Status reads never load the file's bytes.
struct ImportUploads: Sendable {
    struct Upload: Sendable {
        var settings: ImportSettings
        var fileName: String
        let organisationID: UUID
        /// nil until the import starts.
        var status: ImportJobs.Status?
        var updatedAt: Date
    }

    /// A file nobody imports is forgotten after this long (on the next upload of its organisation,
    /// and by the daily pass, `purge`); so is the status of a finished import.
    static let retention: TimeInterval = 24 * 3600
    /// Files an organisation may keep waiting for their import at once: each can be as large as the
    /// upload limit, and they live in the database. Saving one more drops the oldest not started.
    static let maximumWaiting = 5

    let db: any Database
    let now: @Sendable () -> Date

    func save(_ data: Data, settings: ImportSettings, fileName: String, organisationID: UUID) async throws -> String {
        let upload = ImportUpload()
        upload.id = [UInt8].random(count: 18).base64URLEncoded
        upload.organisationID = organisationID
        upload.fileName = fileName
        upload.settings = try Self.encode(settings)
        upload.data = data
        upload.doneRows = 0
        upload.totalRows = 0
        upload.createdAt = now()
        upload.updatedAt = now()
        let cutoff = now().addingTimeInterval(-Self.retention)
        try await WriteIntent.transaction(on: db) { tx in
            try await Self.deleteExpired(organisationID: organisationID, before: cutoff, on: tx)
            // The quota: the newest `maximumWaiting - 1` files not started stay, with the new one.
            let waiting = try await ImportUpload.query(on: tx).filter(\.$organisationID == organisationID).filter(
                \.$state == nil
            )
            .sort(\.$createdAt, .descending).field(\.$id).all()
            let dropped = waiting.dropFirst(Self.maximumWaiting - 1).compactMap(\.id)
            if !dropped.isEmpty { try await ImportUpload.query(on: tx).filter(\.$id ~~ dropped).delete() }
            try await upload.create(on: tx)
        }
        return try upload.requireID()
    }

    /// The daily pass: uploads of `organisationID` older than `retention` that are not being imported
    /// right now (not started, finished, or failed), and rows staged by imports that died with their
    /// server (`ImportStaging`; no import runs for a day). Returns how many uploads went.
    @discardableResult
    func purge(organisationID: UUID) async throws -> Int {
        let cutoff = now().addingTimeInterval(-Self.retention)
        return try await WriteIntent.transaction(on: db) { tx in
            let count = try await ImportUpload.query(on: tx).filter(\.$organisationID == organisationID).filter(
                \.$updatedAt < cutoff
            ).count()
            try await Self.deleteExpired(organisationID: organisationID, before: cutoff, on: tx)
            try await ImportStaging.purge(before: cutoff, on: tx.sql)
            return count
        }
    }

    /// A running import touches its row (`progress`, `finish`); one idle past the cutoff is dead or done.
    private static func deleteExpired(organisationID: UUID, before cutoff: Date, on db: any Database) async throws {
        try await ImportUpload.query(on: db).filter(\.$organisationID == organisationID).filter(\.$updatedAt < cutoff)
            .delete()
    }

    func upload(_ id: String) async throws -> Upload? {
        struct Row: Decodable {
            let organisation_id: UUID, file_name: String, settings: String, state: String?, done_rows: Int,
                total_rows: Int
            let message: String?, created_counts: String?, updated_at: Date
        }
        guard Self.isValid(id),
            let row = try await sql.raw(
                """
                SELECT organisation_id, file_name, settings, state, done_rows, total_rows, message, created_counts, updated_at
                FROM import_uploads WHERE id = \(bind: id)
                """
            ).first(decoding: Row.self)
        else { return nil }
        let status = try row.state.flatMap(ImportJobs.Status.State.init(rawValue:)).map { state in
            ImportJobs.Status(
                state: state, done: row.done_rows, total: row.total_rows, message: row.message,
                created: try row.created_counts.map { try JSONDecoder().decode(ImportCounts.self, from: Data($0.utf8)) }
            )
        }
        return Upload(
            settings: try JSONDecoder().decode(ImportSettings.self, from: Data(row.settings.utf8)),
            fileName: row.file_name,
            organisationID: row.organisation_id, status: status, updatedAt: row.updated_at)
    }

    /// The file's bytes; nil once imported.
    func data(_ id: String) async throws -> Data? {
        struct Row: Decodable { let data: Data? }
        guard Self.isValid(id) else { return nil }
        return try await sql.raw("SELECT data FROM import_uploads WHERE id = \(bind: id)").first(decoding: Row.self)?
            .data
    }

    func update(_ id: String, settings: ImportSettings) async throws {
        try await write(
            """
            UPDATE import_uploads SET settings = \(bind: try Self.encode(settings)), updated_at = \(bind: now())
            WHERE id = \(bind: id) AND state IS NULL
            """)
    }

    /// Claims the import for one caller (compare-and-set): only a file not started, or whose import
    /// failed, starts; a second click or a second server gets false.
    func start(_ id: String) async throws -> Bool {
        let claimed = try await write(
            """
            UPDATE import_uploads SET state = \(bind: ImportJobs.Status.State.checking.rawValue), done_rows = 0, total_rows = 0,
                message = NULL, updated_at = \(bind: now())
            WHERE id = \(bind: id) AND data IS NOT NULL AND (state IS NULL OR state = \(bind: ImportJobs.Status.State.failed.rawValue))
            RETURNING id
            """)
        return claimed > 0
    }

    /// Progress of a running import (a heartbeat too); a finished one is never set back.
    func progress(_ id: String, _ status: ImportJobs.Status) async throws {
        try await write(
            """
            UPDATE import_uploads SET state = \(bind: status.state.rawValue), done_rows = \(bind: status.done), total_rows = \(bind: status.total),
                updated_at = \(bind: now())
            WHERE id = \(bind: id) AND state IN (\(bind: ImportJobs.Status.State.checking.rawValue), \(bind: ImportJobs.Status.State.writing.rawValue))
            RETURNING id
            """)
    }

    /// The end of an import. Called inside the import's transaction when it succeeds, so the data and
    /// "done" land together (a crash leaves neither); the bytes go with it.
    func finish(_ id: String, _ status: ImportJobs.Status) async throws {
        let counts = try status.created.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        let keepsData = status.state == .failed
        try await write(
            """
            UPDATE import_uploads SET state = \(bind: status.state.rawValue), done_rows = \(bind: status.done), total_rows = \(bind: status.total),
                message = \(bind: status.message), created_counts = \(bind: counts), updated_at = \(bind: now())\(unsafeRaw: keepsData ? "" : ", data = NULL")
            WHERE id = \(bind: id)
            RETURNING id
            """)
    }

    /// Ids are base64url: nothing that could be anything else.
    static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64
            && id.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" }
    }

    private var sql: any SQLDatabase { get throws { try db.sql } }

    /// One statement as a write transaction (on SQLite, queued behind the others; see `WriteIntent`);
    /// how many rows it returned.
    @discardableResult
    private func write(_ statement: SQLQueryString) async throws -> Int {
        struct Row: Decodable { let id: String }
        return try await WriteIntent.transaction(on: db) { tx in
            try await tx.sql.raw(statement).all(decoding: Row.self).count
        }
    }

    private static func encode(_ settings: ImportSettings) throws -> String {
        String(decoding: try JSONEncoder().encode(settings), as: UTF8.self)
    }
}
