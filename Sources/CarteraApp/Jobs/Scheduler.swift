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
            while !Task.isCancelled {
                do {
                    let reports = try await BackgroundJobs.runReminders(app: app, notBeforeHour: notBeforeHour)
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

    func shutdownAsync(_ app: Application) async {
        task?.cancel()
        await task?.value
    }
}
