import CarteraCore
import Fluent
import Foundation

extension DunningRun {
    /// One thing the safety check held: a reminder batch or a statement.
    struct Held {
        let customerID: UUID
        let reason: SafetyHoldReason
        let invoiceIDs: [UUID]
    }

    /// What the safety check held: one open task per customer per day saying why (the first reason found),
    /// and an audit event. Nothing is recorded as delivered, so the next run looks at the same steps again.
    static func recordHolds(_ holds: [Held], on date: LocalDate, report: inout Report, in context: ServiceContext)
        async throws
    {
        var byCustomer: [UUID: (SafetyHoldReason, [UUID])] = [:]
        for held in holds {
            let known = byCustomer[held.customerID]?.1 ?? []
            let invoices = known + held.invoiceIDs.filter { !known.contains($0) }
            byCustomer[held.customerID] = (byCustomer[held.customerID]?.0 ?? held.reason, invoices)
        }
        for customerID in byCustomer.keys.sorted(by: { $0.precedes($1) }) {
            guard let (reason, invoiceIDs) = byCustomer[customerID] else { continue }
            do {
                let created = try await context.transaction { tx in
                    try await holdTask(customerID: customerID, reason: reason, invoiceIDs: invoiceIDs, on: date, in: tx)
                }
                if created { report.tasksCreated += 1 }
            } catch let error as any DatabaseError where error.isConstraintFailure {
                report.alreadyDone += 1
            }
        }
    }

    private static func holdTask(
        customerID: UUID, reason: SafetyHoldReason, invoiceIDs: [UUID], on date: LocalDate, in context: ServiceContext
    ) async throws -> Bool {
        let dedupeKey = "safety_hold:\(customerID):\(date.iso)"
        guard try await CollectionTask.query(on: context.db).filter(\.$dedupeKey == dedupeKey).first() == nil,
            let customer = try await Customer.find(customerID, on: context.db)
        else { return false }
        let language = context.organisation.language
        let localizer = context.messaging.localizer
        let composer = MessageComposer(organisation: context.organisation, localizer: localizer, language: language)
        let words = reason.words(composer.money, date: composer.date) { key, arguments in
            // The same words as the outgoing page shows.
            localizer.text(key, language: language, arguments: arguments) ?? key
        }
        let task = CollectionTask()
        task.organisationID = context.organisationID
        task.$customer.id = customerID
        task.kind = .followUp
        task.title =
            localizer.text(
                "task.safety_hold.title", language: language,
                arguments: ["customer": customer.legalName, "reason": words]) ?? words
        task.dueOn = date.iso
        task.status = .open
        task.dedupeKey = dedupeKey
        task.invoiceIDs = StoredList.encode(invoiceIDs)
        try await task.create(on: context.db)
        try await AuditLog.record(
            "dunning.held", entityType: "customer", entityID: customerID,
            details: [
                "reason": reason.key, "run_on": date.iso, "task_id": try task.requireID().uuidString,
                "invoices": invoiceIDs.map(\.uuidString).joined(separator: ","),
            ], in: context)
        return true
    }
}
