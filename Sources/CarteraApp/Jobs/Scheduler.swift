import Foundation
import Vapor

/// Runs the background jobs inside `serve` every few minutes. Each tick is idempotent and safe
/// beside other servers doing the same, so there is no leader to elect.
final class Scheduler: LifecycleHandler, @unchecked Sendable {
    private let interval: TimeInterval
    private let notBeforeHour: Int
    private let workerID = BackgroundJobs.workerID
    private var task: Task<Void, Never>?

    init(intervalSeconds: Int, notBeforeHour: Int) {
        interval = TimeInterval(intervalSeconds)
        self.notBeforeHour = notBeforeHour
    }

    func didBootAsync(_ app: Application) async throws {
        let interval = interval
        let workerID = workerID
        let notBeforeHour = notBeforeHour
        task = Task {
            app.logger.info("Scheduler started: every \(Int(interval)) s as \(workerID)")
            await Self.logNextRuns(app, notBeforeHour: notBeforeHour)
            while !Task.isCancelled {
                do {
                    try await BackgroundJobs.refreshSummaries(app: app)
                    let reports = try await BackgroundJobs.runReminders(app: app, notBeforeHour: notBeforeHour)
                    try await BackgroundJobs.sendStaffDigests(app: app)
                    let queued = reports.reduce(0) { $0 + $1.messagesQueued + $1.summariesQueued + $1.tasksCreated }
                    let delivered = try await BackgroundJobs.deliverOutbox(app: app, workerID: workerID)
                    if queued + delivered.sent + delivered.failed > 0 {
                        app.logger.info(
                            "Scheduler: \(queued) queued, \(delivered.sent) sent, \(delivered.retried) to retry, \(delivered.failed) failed"
                        )
                    }
                } catch {
                    app.logger.error("Scheduler tick failed: \(String(reflecting: error))")
                }
                try? await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
            }
        }
    }

    /// "Next reminder run for Ferretería: Monday 2026-12-07 08:00 America/Bogota", so whoever starts
    /// the server knows nothing goes out before then.
    static func logNextRuns(_ app: Application, notBeforeHour: Int) async {
        let schedule = ReminderSchedule(enabled: true, defaultHour: notBeforeHour)
        do {
            for organisation in try await Organisation.query(on: app.db).all() {
                let next = schedule.next(
                    for: organisation, now: app.clock.now(), calendar: DunningSettings.calendar(of: organisation))
                let when = NextRunText.log(next, timeZone: organisation.timeZone)
                app.logger.info("Next reminder run for \(organisation.name): \(when)")
            }
        } catch {
            app.logger.warning("Could not work out the next reminder run: \(String(reflecting: error))")
        }
    }

    func shutdownAsync(_ app: Application) async {
        task?.cancel()
        await task?.value
    }
}
