import CarteraCore
import Vapor

/// `cartera run-reminders [--date YYYY-MM-DD] [--dry-run]`: one dunning pass, for cron.
struct RunRemindersCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "date", help: "Run as of this date (default: today in each organisation's time zone)")
        var date: String?
        @Flag(name: "dry-run", help: "Only show what would be queued")
        var dryRun: Bool
        @Flag(name: "deliver", help: "Also send what the outbox holds")
        var deliver: Bool
    }

    var help: String { "Queues every reminder due today (idempotent), optionally delivering them." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let date: LocalDate?
        do { date = try signature.date.map { try LocalDate(iso: $0) } } catch {
            throw CommandArgumentError(
                field: "--date", message: "must be a date as YYYY-MM-DD, got \"\(signature.date ?? "")\"")
        }
        let app = context.application
        for report in try await BackgroundJobs.runReminders(app: app, date: date, dryRun: signature.dryRun) {
            if signature.dryRun {
                context.console.print(
                    "\(report.date): \(report.planned.count) message(s) or task(s) would be queued, \(report.held) held"
                )
                for planned in report.planned {
                    // The safety check's reason, as the API's dry run names it.
                    let held = planned.hold.map { "  held: \($0)" } ?? ""
                    context.console.print(
                        "  \(planned.customerId)  \(planned.channel)/\(planned.template)  steps \(planned.steps.joined(separator: ","))  invoices \(planned.invoiceIds.count)\(held)"
                    )
                }
            } else {
                context.console.print(
                    "\(report.date): \(report.messagesQueued) message(s), \(report.tasksCreated) task(s), \(report.summariesQueued) statement(s) queued; \(report.alreadyDone) already done; \(report.noContact) without a reachable contact"
                )
            }
        }
        if signature.deliver && !signature.dryRun {
            let result = try await BackgroundJobs.deliverOutbox(app: app, workerID: BackgroundJobs.workerID)
            context.console.print("Delivered: \(result.sent) sent, \(result.retried) to retry, \(result.failed) failed")
        }
    }
}
