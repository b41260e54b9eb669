import CarteraCore
import Fluent
import Foundation

/// The demo's work in progress, so "Mensajes" and "Mis tareas" show something real on day one:
/// reminders queued through the outbox as the dunning run queues them, some delivered, one bounced
/// (a mistyped address) and one the mail server did not answer; two letters to print; and calls,
/// a contact to fix and a portal request on the task list, most of them the collector's.
enum DemoActivity {
    struct Summary: Sendable { var messages = 0, tasks = 0 }

    static func create(in context: ServiceContext) async throws -> Summary {
        var summary = Summary()
        let customers = try await Customer.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .filter(\.$currency == "COP").sort(\.$legalName).all()
        // Customers with something overdue, in name order (the collector works every other one).
        var late: [(customer: Customer, invoices: [Invoice])] = []
        for customer in customers {
            let overdue = try await Invoice.query(on: context.db).filter(\.$customer.$id == customer.requireID())
                .owed().filter(\.$dueDate < context.today.iso).sort(\.$dueDate).limit(3).all()
            if !overdue.isEmpty { late.append((customer, overdue)) }
            if late.count == 9 { break }
        }
        let now = context.clock.now()
        let hour: TimeInterval = 3600
        let plan: [(channel: ReminderChannel, outcome: Outcome, hoursAgo: Double)] = [
            (.email, .bounced, 26), (.email, .sent, 50), (.email, .sent, 3), (.sms, .sent, 5),
            (.email, .unanswered, 20), (.letter, .ready, 1), (.email, .queued, 0), (.sms, .queued, 0),
            (.letter, .ready, 2),
        ]
        for ((customer, invoices), step) in zip(late, plan) {
            // The demo's first messages ever: first notices, which refer to no earlier one.
            let key = TemplateKey.firstNotice
            guard
                let message = try await OutboxWriter.queue(
                    .init(
                        customer: customer, contact: nil, kind: .overdue, channel: step.channel,
                        tone: step.channel == .letter ? .firm : .friendly, templateKey: key.rawValue,
                        dedupeKey: "demo:\(try customer.requireID()):\(step.channel.rawValue)", invoices: invoices),
                    in: context)
            else { continue }
            summary.messages += 1
            let at = now.addingTimeInterval(-step.hoursAgo * hour)
            message.createdAt = at
            message.nextAttemptAt = at
            switch step.outcome {
            case .sent:
                message.status = .sent
                message.attempts = 1
                message.sentAt = at.addingTimeInterval(60)
            case .bounced:
                message.status = .failed
                message.attempts = 1
                message.lastError =
                    "SMTP DATA: 550 5.1.1 <\(message.recipientAddress)>: Recipient address rejected: User unknown"
                if try await TaskService.create(
                    .followUp, for: customer, titleKey: "task.fix_contact.title", due: context.today, in: context)
                    != nil
                {
                    summary.tasks += 1
                }
            case .unanswered:
                message.status = .failed
                message.attempts = OutboxWorker.maxAttempts
                message.lastError = "SMTP server did not answer in time"
            case .ready:
                // Each letter with its task for whoever prints and posts it, as the daily run leaves them.
                if try await TaskService.create(
                    .letter, for: customer, titleKey: "task.letter.title", due: context.today, in: context) != nil
                {
                    summary.tasks += 1
                }
            case .queued:
                break
            }
            try await message.save(on: context.db)
        }
        // Calls for today and one left from yesterday, and a request from the portal.
        let calls = late.prefix(6)
        for (index, account) in calls.enumerated() {
            let due = index == 0 ? context.today.addingClamped(days: -1) : context.today
            if try await TaskService.create(
                .call, for: account.customer, titleKey: "task.call.title",
                arguments: ["count": String(account.invoices.count)], due: due,
                invoiceIDs: try account.invoices.map { try $0.requireID() }, in: context) != nil
            {
                summary.tasks += 1
            }
        }
        if let portal = late.dropFirst(6).first,
            try await TaskService.create(
                .followUp, for: portal.customer, titleKey: "task.portal_plan_request.title", arguments: ["count": "3"],
                due: context.today.addingClamped(days: 2), in: context) != nil
        {
            summary.tasks += 1
        }
        return summary
    }

    private enum Outcome { case sent, bounced, unanswered, ready, queued }
}
