import CarteraCore
import Fluent
import Foundation
import Vapor

/// One dunning pass for one organisation and one day: the same function behind the scheduler,
/// `cartera run-reminders` and the dry-run endpoint. Safe to repeat and to run on several
/// servers at once: every (invoice, step) and every customer-day message is guarded by a
/// unique constraint, so a pass that loses a race rolls back and changes nothing.
enum DunningRun {
    struct Planned: Content, Equatable {
        let customerId: UUID
        let channel: String
        let kind: String
        let tone: String
        let template: String
        let steps: [String]
        let invoiceIds: [UUID]
        /// Why the safety check holds it back (`SafetyHoldReason.key`); nil: it goes.
        var hold: String? = nil
        /// The same reason with its figures, for the pages' wording (not part of the reply).
        var reason: SafetyHoldReason? = nil

        enum CodingKeys: String, CodingKey {
            case customerId, channel, kind, tone, template, steps, invoiceIds, hold
        }
    }

    struct Report: Content {
        let date: String
        let dryRun: Bool
        var planned: [Planned] = []
        var messagesQueued = 0
        var tasksCreated = 0
        var summariesQueued = 0
        /// Another run (or an earlier one today) already did it.
        var alreadyDone = 0
        /// No contact who can be reached on the channel.
        var noContact = 0
        /// Batches the safety check held back: no delivery recorded, so tomorrow's run looks at them again.
        var held = 0
        /// Over the customer's contact limits for today (`ContactRules`): reconsidered tomorrow.
        var deferred = 0
        /// The organisation is paused: nothing was sent, and the run sends again on this day.
        var pausedUntil: String? = nil
        /// Each held customer's reason, for the pages' wording (not part of the reply).
        var holdReasons: [UUID: SafetyHoldReason] = [:]

        enum CodingKeys: String, CodingKey {
            case date, dryRun, planned, messagesQueued, tasksCreated, summariesQueued, alreadyDone, noContact, held
            case deferred
            case pausedUntil
        }
    }

    static func run(on date: LocalDate, dryRun: Bool, in context: ServiceContext) async throws -> Report {
        let context = context.asOf(date)
        var report = Report(date: date.iso, dryRun: dryRun)
        let settings = try await DunningSettings.load(for: context.organisation, on: context.db)
        let due = try await dueReminders(on: date, settings: settings, in: context)
        let planned = ReminderBatcher.batches(due)
        // The safety check: a batch it holds gets no delivery, only a task for the collector.
        let safety = try await DunningSafety.load(for: planned, on: date, calendar: settings.calendar, in: context)
        var holds: [ReminderBatch: SafetyHoldReason] = [:]
        for batch in planned {
            if case .hold(let reason) = try safety.verdict(for: batch) { holds[batch] = reason }
        }
        report.planned = planned.map { batch in
            Planned(
                customerId: batch.customerID, channel: batch.channel.rawValue, kind: batch.kind.rawValue,
                tone: batch.lead.tone.rawValue,
                template: batch.lead.templateKey, steps: batch.reminders.map(\.step.key), invoiceIds: batch.invoiceIDs,
                hold: holds[batch]?.key, reason: holds[batch])
        }
        for (batch, reason) in holds { report.holdReasons[batch.customerID] = reason }
        // The statement day's statements, through the same check (`DunningSafety.statementVerdict`).
        let statements = try await plannedStatements(on: date, settings: settings, safety: safety, in: context)
        report.planned += try listed(statements, besides: planned, holds: Set(holds.keys))
        let heldStatements = try statements.compactMap { statement in
            try statement.hold.map {
                Held(
                    customerID: try statement.customer.requireID(), reason: $0,
                    invoiceIDs: try statement.invoices.map { try $0.requireID() })
            }
        }
        report.held = holds.count + heldStatements.count
        report.pausedUntil = context.organisation.pause(on: date)?.iso
        guard !dryRun, report.pausedUntil == nil else { return report }
        let heldBatches = planned.compactMap { batch in
            holds[batch].map { Held(customerID: batch.customerID, reason: $0, invoiceIDs: batch.invoiceIDs) }
        }
        try await recordHolds(heldBatches + heldStatements, on: date, report: &report, in: context)
        let batches = planned.filter { holds[$0] == nil }
        for batch in batches {
            do {
                let outcome = try await context.transaction { tx in try await commit(batch, on: date, in: tx) }
                switch outcome {
                case .message: report.messagesQueued += 1
                case .task: report.tasksCreated += 1
                case .noContact: report.noContact += 1
                case .deferred: report.deferred += 1
                }
            } catch let error as any DatabaseError where error.isConstraintFailure {
                report.alreadyDone += 1
            }
        }
        try await queueSummaries(statements.filter { $0.hold == nil }, on: date, report: &report, in: context)
        return report
    }

    /// Every owed invoice with a step due on `date`, by the rules of its customer's policy.
    static func dueReminders(on date: LocalDate, settings: DunningSettings, in context: ServiceContext) async throws
        -> [DueReminder]
    {
        let organisationID = context.organisationID
        let candidates = try await DunningQuery.candidates(
            organisationID: organisationID, dueOnOrBefore: date.addingClamped(days: -settings.earliestOffset),
            on: context.db)
        let history = try await DunningQuery.history(organisationID: organisationID, on: context.db)
        let contacted = try await DunningQuery.contactedCustomers(organisationID: organisationID, on: context.db)
        let held = try await DunningQuery.heldInvoices(organisationID: organisationID, on: date, on: context.db)
        let customers = try await DunningQuery.customerSettings(organisationID: organisationID, on: context.db)
        // The organisation's rules choose each customer's policy (unless the customer has their own).
        let profiles = try await PolicySelectorQuery.profiles(
            for: candidates.map(\.customerId), settings: settings, on: date, in: context)
        var rulesByCustomer: [UUID: DunningRules] = [:]
        // Not started yet (a dry run before the first pass): it would start today.
        let collectionsStart = settings.collectionsStart ?? date
        var due: [DueReminder] = []
        for candidate in candidates {
            guard let status = InvoiceStatus(rawValue: candidate.status),
                let dueDate = try? LocalDate(iso: candidate.dueDate)
            else { continue }
            let rules =
                rulesByCustomer[candidate.customerId]
                ?? settings.rules(for: customers[candidate.customerId], profile: profiles[candidate.customerId])
            rulesByCustomer[candidate.customerId] = rules
            let past = history[candidate.id]
            let facts = DunningFacts(
                dueDate: dueDate, status: status, stepsDone: past?.steps ?? [], isPaused: held.contains(candidate.id),
                firstContactOn: past?.firstContactOn, customerEverContacted: contacted.contains(candidate.customerId),
                collectionsStart: collectionsStart)
            if let step = rules.stepDue(for: facts, on: date) {
                due.append(DueReminder(invoiceID: candidate.id, customerID: candidate.customerId, step: step))
            }
        }
        return due
    }

    /// `deferred`: the customer's contact limits (`ContactRules`) say not today.
    enum Outcome { case message, task, noContact, deferred }

    private static func commit(_ batch: ReminderBatch, on date: LocalDate, in context: ServiceContext) async throws
        -> Outcome
    {
        guard let customer = try await Customer.find(batch.customerID, on: context.db) else { return .noContact }
        // How often the customer may be contacted (`ContactRules`): over a limit, nothing is recorded,
        // so the step is looked at again tomorrow.
        let contactRules = CustomerContactRules(customer: customer, organisation: context.organisation, around: date)
        // Today's instalment notice, and events sent in the day's message, ride in the reminder (email,
        // SMS or letter) instead of going alone (`SameDayNotices`).
        let riders = try await SameDayNotices.riders(for: customer, on: date, channel: batch.channel, in: context)
        let history = try await CustomerContactRules.pastContacts(
            of: batch.customerID, around: date, excluding: Set(riders.compactMap(\.message.id)), on: context.db)
        if contactRules.rules.admits(ContactChannel(batch.channel), on: date, after: history) != nil {
            return .deferred
        }
        let invoices = try await Invoice.query(on: context.db).filter(\.$id ~~ batch.invoiceIDs).sort(\.$dueDate).sort(
            \.$number
        ).all()
        var messageID: UUID?
        var taskID: UUID?
        func queueMessage() async throws -> OutboxMessage? {
            try await OutboxWriter.queue(
                .init(
                    customer: customer, contact: nil, kind: batch.kind, channel: batch.channel, tone: batch.lead.tone,
                    templateKey: batch.lead.templateKey, dedupeKey: "dunning:\(batch.customerID):\(date.iso)",
                    invoices: invoices, notices: riders.map(\.line)), in: context)
        }
        switch batch.channel {
        case .callTask:
            // Not when every number on file may not be called (opted out; in Colombia: not authorised).
            // With no number on file the task still goes: the collector finds one.
            let phones = try await OutboxWriter.contacts(of: customer, on: context.db).filter { $0.phone != nil }
            let callable = try await ContactConsents.usable(
                phones, for: .callTask, rules: contactRules.rules, on: context.db)
            guard phones.isEmpty || !callable.isEmpty else { return .noContact }
            taskID = try await createTask(
                .call, for: customer, invoices: invoices, on: date, window: contactRules.rules, in: context
            ).requireID()
        case .email, .sms:
            guard let message = try await queueMessage() else { return .noContact }
            messageID = message.id
            try await SameDayNotices.fold(riders, into: message, in: context)
        case .letter:
            // Queued like a message, and a task for whoever prints and posts it.
            guard let message = try await queueMessage() else { return .noContact }
            messageID = message.id
            try await SameDayNotices.fold(riders, into: message, in: context)
            taskID = try await createTask(.letter, for: customer, invoices: invoices, on: date, in: context).requireID()
        }
        for reminder in batch.reminders {
            let delivery = ReminderDelivery()
            delivery.organisationID = context.organisationID
            delivery.$invoice.id = reminder.invoiceID
            delivery.stepKey = reminder.step.key
            delivery.$message.id = messageID
            delivery.taskID = taskID
            delivery.runOn = date.iso
            try await delivery.create(on: context.db)
        }
        return messageID == nil ? .task : .message
    }

    /// - Parameter window: for a call, the hours the customer may be called, said in the title.
    private static func createTask(
        _ kind: CollectionTaskKind, for customer: Customer, invoices: [Invoice], on date: LocalDate,
        window: ContactRules? = nil, in context: ServiceContext
    ) async throws -> CollectionTask {
        let localizer = context.messaging.localizer
        let language = context.organisation.language
        let task = CollectionTask()
        task.organisationID = context.organisationID
        task.$customer.id = try customer.requireID()
        task.kind = kind
        task.title =
            localizer.text(
                "task.\(kind.rawValue).title", language: language,
                arguments: ["customer": customer.legalName, "count": String(invoices.count)]) ?? kind.rawValue
        if let window {
            let hours = ContactWindowText.text(window, localizer: localizer, language: language)
            let said = localizer.text("task.call.window", language: language, arguments: ["window": hours])
            task.title += " · " + (said ?? hours)
        }
        task.dueOn = date.iso
        task.status = .open
        task.dedupeKey = "\(kind.rawValue):\(try customer.requireID()):\(date.iso)"
        task.invoiceIDs = StoredList.encode(try invoices.map { try $0.requireID() })
        try await task.create(on: context.db)
        try await AuditLog.record(
            "task.created", entityType: "collection_task", entityID: try task.requireID(),
            details: ["kind": kind.rawValue, "customer_id": customer.id?.uuidString ?? ""], in: context)
        return task
    }

    /// The periodic statement of open items, for customers who got no reminder today: a reminder queued
    /// today holds the customer-day key, so the statement's insert fails and counts as done.
    private static func queueSummaries(
        _ statements: [PlannedStatement], on date: LocalDate, report: inout Report, in context: ServiceContext
    ) async throws {
        for statement in statements {
            let customer = statement.customer
            let open = statement.invoices
            do {
                let queued = try await context.transaction { tx in
                    // Today's instalment notice and day's-message events ride in the statement instead.
                    let riders = try await SameDayNotices.riders(for: customer, on: date, channel: .email, in: tx)
                    guard
                        let message = try await OutboxWriter.queue(
                            .init(
                                customer: customer, contact: nil, kind: .debtSummary, channel: .email,
                                tone: .friendly, templateKey: TemplateKey.debtSummary.rawValue,
                                dedupeKey: "dunning:\(try customer.requireID()):\(date.iso)", invoices: open,
                                notices: riders.map(\.line)), in: tx)
                    else { return false }
                    try await SameDayNotices.fold(riders, into: message, in: tx)
                    return true
                }
                if queued { report.summariesQueued += 1 } else { report.noContact += 1 }
            } catch let error as any DatabaseError where error.isConstraintFailure {
                report.alreadyDone += 1
            }
        }
    }
}
