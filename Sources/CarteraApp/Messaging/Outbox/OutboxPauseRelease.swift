import CarteraCore
import Fluent
import Foundation

/// Ending an organisation's pause early gives back what the pause held in the outbox.
enum OutboxPauseRelease {
    /// While paused, messages wait for the resume day's first minute (`OutboxWriter`, `OutboxWorker`).
    /// When the pause ends sooner, those queued before the old resume day and waiting for it or later
    /// leave at `from` (now, or an earlier resume instant); the worker still puts them inside the
    /// customer's hours. A message meant for a later day (`scheduled_on` on or after the old resume
    /// day) keeps its time.
    static func release(
        organisationID: UUID, heldUntil: Date, resumeDay: LocalDate, from: Date, on db: any Database
    ) async throws {
        try await OutboxMessage.query(on: db).filter(\.$organisationID == organisationID)
            .filter(\.$status == .pending).filter(\.$scheduledOn < resumeDay.iso)
            .filter(\.$nextAttemptAt >= heldUntil).set(\.$nextAttemptAt, to: from).update()
    }
}
