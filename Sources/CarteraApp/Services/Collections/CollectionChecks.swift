import CarteraCore
import Fluent
import Foundation
import SQLKit

/// The daily follow-through on what customers agreed to, run before dunning on every tick:
/// promises whose date has passed are kept or broken, plans are completed or broken, and plan
/// instalments get their reminder. Idempotent: state lives in the rows it changes, and each
/// instalment reminder has its own dedupe key.
enum CollectionChecks {
    struct Report: Equatable, Sendable {
        var promisesKept = 0
        var promisesBroken = 0
        var plansCompleted = 0
        var plansBroken = 0
        var instalmentRemindersQueued = 0
    }

    /// Days before an instalment's date that its reminder goes out.
    static let instalmentReminderLead = 3

    static func run(on date: LocalDate, in base: ServiceContext) async throws -> Report {
        let context = base.asOf(date)
        var report = Report()
        try await checkPromises(&report, in: context)
        try await checkPlans(&report, in: context)
        return report
    }

    private static func checkPromises(_ report: inout Report, in context: ServiceContext) async throws {
        let due = try await PaymentPromise.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .filter(\.$status == .active).filter(\.$promisedOn < context.today.iso).all()
        for promise in due {
            let promiseID = try promise.requireID()
            let invoiceIDs = try await HoldService.invoices(heldBy: promiseID, on: context.db)
            let invoices = try await Invoice.query(on: context.db).filter(\.$id ~~ invoiceIDs).all()
            let allSettled = invoices.allSatisfy { !$0.status.isOwed }
            let paidSince = try await Allocation.query(on: context.db).filter(\.$invoice.$id ~~ invoiceIDs)
                .filter(\.$createdAt >= (promise.createdAt ?? .distantPast)).all().saturatingSum(\.amountMinor)
            let kept = allSettled || paidSince >= promise.amountMinor
            let claimed = try await context.transaction { tx -> Bool in
                // Compare-and-set: with several servers running this pass, only one settles the promise.
                guard
                    try await transition(
                        PaymentPromise.schema, id: promiseID, from: PromiseStatus.active.rawValue,
                        to: (kept ? PromiseStatus.kept : .broken).rawValue, on: tx.db)
                else { return false }
                promise.status = kept ? .kept : .broken
                try await HoldService.release(sourceID: promiseID, in: tx)
                try await AuditLog.record(
                    kept ? "promise.kept" : "promise.broken", entityType: "payment_promise", entityID: promiseID,
                    details: ["promised_on": promise.promisedOn, "paid_since": String(paidSince)], in: tx)
                if !kept, let customer = try await Customer.find(promise.$customer.id, on: tx.db) {
                    // The title is read by people: the day in words, in the organisation's language.
                    let composer = MessageComposer(
                        organisation: tx.organisation, localizer: tx.messaging.localizer,
                        language: tx.organisation.language)
                    let day = (try? LocalDate(iso: promise.promisedOn)).map(composer.date) ?? promise.promisedOn
                    try await TaskService.create(
                        .call, for: customer, titleKey: "task.promise_broken.title",
                        arguments: ["date": day], due: tx.today, invoiceIDs: invoiceIDs, in: tx)
                }
                return true
            }
            guard claimed else { continue }
            if kept { report.promisesKept += 1 } else { report.promisesBroken += 1 }
        }
    }

    private static func checkPlans(_ report: inout Report, in context: ServiceContext) async throws {
        let plans = try await PaymentPlan.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .filter(\.$status == .active).all()
        for plan in plans {
            let standing = try await PaymentPlanService.standing(of: plan, on: context.db, asOf: context.today)
            let planID = try plan.requireID()
            if standing.allSatisfy({ $0.state == .paid }) {
                let claimed = try await context.transaction { tx -> Bool in
                    guard
                        try await transition(PaymentPlan.schema, id: planID, from: "active", to: "completed", on: tx.db)
                    else { return false }
                    try await PaymentPlanService.end(plan, as: .completed, in: tx)
                    return true
                }
                if claimed { report.plansCompleted += 1 }
            } else if let missed = standing.first(where: { $0.state == .missed }) {
                let claimed = try await context.transaction { tx -> Bool in
                    guard try await transition(PaymentPlan.schema, id: planID, from: "active", to: "broken", on: tx.db)
                    else { return false }
                    try await PaymentPlanService.end(
                        plan, as: .broken, details: ["missed_instalment": String(missed.instalment.number)], in: tx)
                    if let customer = try await Customer.find(plan.$customer.id, on: tx.db) {
                        try await TaskService.create(
                            .call, for: customer, titleKey: "task.plan_broken.title",
                            arguments: ["number": String(missed.instalment.number)], due: tx.today,
                            invoiceIDs: plan.coveredInvoiceIDs, in: tx)
                    }
                    return true
                }
                if claimed { report.plansBroken += 1 }
            } else if let next = standing.first(where: { $0.state == .pending }),
                context.today >= next.instalment.dueDate.addingClamped(days: -instalmentReminderLead)
            {
                if try await remindInstalment(next, of: plan, count: standing.count, in: context) {
                    report.instalmentRemindersQueued += 1
                }
            }
        }
    }

    /// Moves a row from one status to another only if it is still in the first: true for the one
    /// caller that did it. Both SQLite and PostgreSQL support `UPDATE … RETURNING`.
    private static func transition(_ table: String, id: UUID, from: String, to: String, on db: any Database)
        async throws -> Bool
    {
        let sql = try db.sql
        return try await sql.raw(
            """
            UPDATE \(ident: table) SET status = \(bind: to) WHERE id = \(bind: id) AND status = \(bind: from) RETURNING id
            """
        ).first() != nil
    }

    /// Queues the instalment's one reminder; false when it was queued before or nobody can receive it.
    private static func remindInstalment(
        _ standing: InstalmentStanding, of plan: PaymentPlan, count: Int, in context: ServiceContext
    ) async throws -> Bool {
        guard let customer = try await Customer.find(plan.$customer.id, on: context.db), !customer.doNotContact else {
            return false
        }
        let dedupeKey = "plan_instalment:\(try plan.requireID()):\(standing.instalment.number)"
        guard try await OutboxMessage.query(on: context.db).filter(\.$dedupeKey == dedupeKey).count() == 0 else {
            return false
        }
        let composer = MessageComposer(
            organisation: context.organisation, localizer: context.messaging.localizer, language: customer.language)
        let owed = try standing.instalment.amount.subtracting(standing.paid)
        let invoices = try await Invoice.query(on: context.db).filter(\.$id ~~ plan.coveredInvoiceIDs).sort(\.$dueDate)
            .all()
        do {
            return try await context.transaction { tx in
                try await OutboxWriter.queue(
                    .init(
                        customer: customer, contact: nil, kind: .beforeDue, channel: .email, tone: .friendly,
                        templateKey: TemplateKey.instalmentDue.rawValue,
                        dedupeKey: dedupeKey, invoices: invoices,
                        extraValues: [
                            "instalment_number": .text(String(standing.instalment.number)),
                            "instalment_count": .text(String(count)),
                            "instalment_amount": .text(composer.money(owed)),
                            "instalment_due_date": .text(composer.date(standing.instalment.dueDate)),
                        ]), in: tx) != nil
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            return false // another worker queued it first
        }
    }
}
