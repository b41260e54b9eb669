import Fluent
import Foundation

/// One running import per organisation, across instances: a row in `import_runs` keyed by the
/// organisation is claimed before an import starts and removed when it ends. A second import while
/// one runs gets 409 `import_running`; two imports of one organisation would contend for the same
/// customers and invoice numbers, and each holds the database for its duration.
///
/// A server that dies mid-import leaves its row; the row expires (`lease`) and the next import takes
/// it over. The lease is longer than any import the upload limit allows.
struct ImportRuns: Sendable {
    static let lease: TimeInterval = 30 * 60

    let db: any Database
    let now: @Sendable () -> Date

    /// Runs `work` holding the organisation's import slot, or throws 409 if another import holds it.
    func exclusive<T: Sendable>(_ organisationID: UUID, _ work: () async throws -> T) async throws -> T {
        let holder = UUID().uuidString
        try await claim(organisationID, holder: holder)
        do {
            let result = try await work()
            await release(organisationID, holder: holder)
            return result
        } catch {
            await release(organisationID, holder: holder)
            throw error
        }
    }

    func claim(_ organisationID: UUID, holder: String) async throws {
        let now = now()
        let claimed: Bool
        do {
            claimed = try await insert(organisationID, holder: holder, now: now)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            claimed = false // another instance inserted between our check and our insert
        }
        guard claimed else { throw Self.running }
    }

    private func insert(_ organisationID: UUID, holder: String, now: Date) async throws -> Bool {
        try await WriteIntent.transaction(on: db) { tx -> Bool in
            try await ImportRun.query(on: tx).filter(\.$id == organisationID).filter(\.$expiresAt < now).delete()
            guard try await ImportRun.query(on: tx).filter(\.$id == organisationID).count() == 0 else { return false }
            let run = ImportRun()
            run.id = organisationID
            run.holder = holder
            run.startedAt = now
            run.expiresAt = now.addingTimeInterval(Self.lease)
            try await run.create(on: tx)
            return true
        }
    }

    func release(_ organisationID: UUID, holder: String) async {
        _ = try? await WriteIntent.transaction(on: db) { tx in
            try await ImportRun.query(on: tx).filter(\.$id == organisationID).filter(\.$holder == holder).delete()
        }
    }

    static let running = ServiceError(
        .conflict, code: "import_running",
        message: "Another import is running for this organisation; try again when it has finished")
}
