import CarteraCore
import Fluent
import Foundation

extension DunningRun {
    /// One customer's periodic statement of open items on a statement day.
    struct PlannedStatement {
        let customer: Customer
        let invoices: [Invoice]
        /// Why the safety check holds it; nil: it goes.
        let hold: SafetyHoldReason?
    }

    /// Every customer who gets a statement on `date` (not opted out of statements, not skipped, something owed), each
    /// through the safety check. A customer whose reminder goes today gets that instead: the message of the
    /// day's key is theirs already (see `queueSummaries`).
    static func plannedStatements(
        on date: LocalDate, settings: DunningSettings, safety: DunningSafety, in context: ServiceContext
    ) async throws -> [PlannedStatement] {
        guard settings.isSummaryDay(date), settings.enabledKinds.contains(.debtSummary) else { return [] }
        let customers = try await Customer.query(on: context.db)
            .filter(\.$organisationID == context.organisationID).filter(\.$doNotContact == false)
            .sort(\.$legalName).all()
        // "Skip this time" on the outgoing page leaves the customer's statement out too.
        let skipped = Set(try await HoldService.skips(on: date, in: context).map { $0.invoice.$customer.id })
        var planned: [PlannedStatement] = []
        for customer in customers where !DunningSettings.kinds(customer.reminderKindsOff).contains(.debtSummary) {
            guard !skipped.contains(try customer.requireID()) else { continue }
            let open = try await Invoice.query(on: context.db).filter(\.$customer.$id == customer.requireID())
                .owed().sort(\.$dueDate).all()
            guard !open.isEmpty else { continue }
            let verdict = try safety.statementVerdict(customerID: try customer.requireID(), invoices: open)
            var hold: SafetyHoldReason?
            if case .hold(let reason) = verdict { hold = reason }
            planned.append(PlannedStatement(customer: customer, invoices: open, hold: hold))
        }
        return planned
    }

    /// The statements as the dry run lists them, left out where the day's reminder takes the customer's
    /// one message (an email, SMS or letter that is not held).
    static func listed(_ statements: [PlannedStatement], besides batches: [ReminderBatch], holds: Set<ReminderBatch>)
        throws -> [Planned]
    {
        let messaged = Set(batches.filter { !$0.channel.isForCollector && !holds.contains($0) }.map(\.customerID))
        return try statements.compactMap { statement in
            let customerID = try statement.customer.requireID()
            guard !messaged.contains(customerID) else { return nil }
            return Planned(
                customerId: customerID, channel: ReminderChannel.email.rawValue,
                kind: ReminderKind.debtSummary.rawValue, tone: ReminderTone.friendly.rawValue,
                template: TemplateKey.debtSummary.rawValue, steps: [],
                invoiceIds: try statement.invoices.map { try $0.requireID() }, hold: statement.hold?.key,
                reason: statement.hold)
        }
    }
}
