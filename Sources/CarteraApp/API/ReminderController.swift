import CarteraCore
import Fluent
import Vapor

struct ReminderController {
    /// What would be queued on a date, changing nothing.
    func dryRun(req: Request) async throws -> DunningRun.Report {
        let context = try await req.serviceContext()
        let date = try FieldParser.optionalDate(try req.query.decode(DateQuery.self).date, "date") ?? context.today
        return try await DunningRun.run(on: date, dryRun: true, in: context)
    }

    func run(req: Request) async throws -> DunningRun.Report {
        let input = try req.decodeBody(DunningRunInput.self)
        let context = try await req.serviceContext()
        let date = try FieldParser.optionalDate(input.date, "date") ?? context.today
        // A run queues real messages: dated after today they would tell customers what is not yet
        // true ("173 years overdue"). Catching up a missed day is fine; the dry run takes any date.
        guard date <= context.today else {
            throw ServiceError.invalid(
                "date", code: "date_in_future",
                "A reminder run is for today or an earlier day; use the dry run to look ahead")
        }
        return try await BackgroundJobs.dailyPass(on: date, in: context)
    }

    /// An invoice's reminder history and the next step it will get.
    func invoiceReminders(req: Request) async throws -> InvoiceRemindersDTO {
        let context = try await req.serviceContext()
        let invoice = try await InvoiceService.find(try req.uuidParameter("invoiceID", entity: "invoice"), in: context)
        let customer = try await CustomerService.find(invoice.$customer.id, in: context)
        let status = try await ReminderStatusService.status(of: invoice, customer: customer, in: context)
        let deliveries = status.deliveries
        let paused = status.paused
        let next = status.next
        let invoiceID = try invoice.requireID()
        return InvoiceRemindersDTO(
            invoiceId: invoiceID, paused: paused,
            delivered: deliveries.map {
                .init(step: $0.stepKey, runOn: $0.runOn, messageId: $0.$message.id, taskId: $0.taskID)
            },
            next: next.map { .init(step: $0.step.key, date: $0.date.iso, channel: $0.step.channel.rawValue) })
    }
}
