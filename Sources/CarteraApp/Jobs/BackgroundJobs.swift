import CarteraCore
import Fluent
import Foundation
import Vapor

/// The work the scheduler does on every tick, written once and also run by the CLI commands.
enum BackgroundJobs {
    static let actorName = "system:scheduler"

    /// Dunning for each organisation's own "today" (its time zone), or for `date` when given.
    /// With `notBeforeHour`, an organisation whose local time is earlier is left for a later tick,
    /// so customers are written to in office hours, not at midnight.
    static func runReminders(app: Application, date: LocalDate? = nil, dryRun: Bool = false, notBeforeHour: Int? = nil)
        async throws -> [DunningRun.Report]
    {
        var reports: [DunningRun.Report] = []
        if !dryRun { try await purgeSignInRecords(app: app) }
        for organisation in try await Organisation.query(on: app.db).all() {
            let context = try await ServiceContext.make(
                db: app.db, actor: Actor(organisationID: try organisation.requireID(), name: actorName), app: app)
            // The organisation's own hour when it set one, the server's otherwise.
            if let hour = notBeforeHour.map({ organisation.reminderHour ?? $0 }),
                localHour(at: app.clock.now(), in: context.timeZone) < hour
            {
                continue
            }
            let day = date ?? context.today
            reports.append(
                dryRun
                    ? try await DunningRun.run(on: day, dryRun: true, in: context)
                    : try await dailyPass(on: day, in: context))
        }
        return reports
    }

    /// One organisation's day, for the scheduler, the CLI and the API alike.
    static func dailyPass(on day: LocalDate, in context: ServiceContext) async throws -> DunningRun.Report {
        // Promises and plans first: a promise broken yesterday gives its invoices back to dunning today.
        _ = try await CollectionChecks.run(on: day, in: context)
        // The first pass starts collections, unless an import did already (see `CollectionsStart`).
        try await CollectionsStart.ensure(on: day, in: context)
        let report = try await DunningRun.run(on: day, dryRun: false, in: context)
        CarteraMetrics.remindersQueued(report.messagesQueued + report.summariesQueued + report.tasksCreated)
        // After dunning, so a step sent today carries its fee today.
        CarteraMetrics.lateFeesCharged(try await LateFeeService.accrue(in: context.asOf(day)))
        // Upload-page files nobody imported (and finished imports' status rows) go after a day.
        try await ImportUploads(db: context.db, now: { [clock = context.clock] in clock.now() }).purge(
            organisationID: context.organisationID)
        return report
    }

    /// Sends until the outbox has nothing due.
    static func deliverOutbox(app: Application, workerID: String) async throws -> OutboxWorker.Result {
        let worker = OutboxWorker(
            db: app.db, transports: app.transports, clock: app.clock, workerID: workerID, logger: app.logger)
        var total = OutboxWorker.Result()
        while true {
            let batch = try await worker.runOnce()
            CarteraMetrics.messages("sent", batch.sent)
            CarteraMetrics.messages("retried", batch.retried)
            CarteraMetrics.messages("failed", batch.failed)
            total.sent += batch.sent
            total.retried += batch.retried
            total.failed += batch.failed
            if batch == OutboxWorker.Result() { return total }
        }
    }

    static func localHour(at instant: Date, in timeZone: TimeZone) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.component(.hour, from: instant)
    }

    static var workerID: String {
        "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
    }
}
