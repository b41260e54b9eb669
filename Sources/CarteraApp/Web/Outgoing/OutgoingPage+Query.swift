import CarteraCore
import Fluent
import Foundation

/// What the outgoing page shows, read once: the next run day, that day's dry run (the run's own rule,
/// safety check included), the customers and invoices it names, their policies and the skipped customers.
struct OutgoingPageData {
    let today: LocalDate
    let next: NextRun
    let schedulerEnabled: Bool
    let report: DunningRun.Report
    let customers: [UUID: Customer]
    let invoices: [UUID: Invoice]
    /// Each planned customer's policy and the rule that chose it.
    let policies: [UUID: PolicyChoice]
    let skipped: [Customer]
    let statement: StatementFreshness
    let pausedUntil: LocalDate?

    static func read(in context: ServiceContext, schedule: ReminderSchedule) async throws -> OutgoingPageData {
        let organisation = context.organisation
        let calendar = DunningSettings.calendar(of: organisation)
        let next = schedule.next(for: organisation, now: context.clock.now(), calendar: calendar)
        let report = try await DunningRun.run(on: next.date, dryRun: true, in: context)
        let customerIDs = Array(Set(report.planned.map(\.customerId)))
        let invoiceIDs = report.planned.flatMap(\.invoiceIds)
        let customers =
            customerIDs.isEmpty ? [] : try await Customer.query(on: context.db).filter(\.$id ~~ customerIDs).all()
        let invoices =
            invoiceIDs.isEmpty ? [] : try await Invoice.query(on: context.db).filter(\.$id ~~ invoiceIDs).all()
        // Which rule chose each customer's policy, as the run itself chooses it.
        let policies = try await DunningSettings.load(for: organisation, on: context.db)
            .policyChoices(for: customerIDs, on: next.date, in: context)
        let skips = try await HoldService.skips(on: next.date, in: context)
        let skippedIDs = Array(Set(skips.map { $0.invoice.$customer.id }))
        let skipped =
            skippedIDs.isEmpty
            ? [] : try await Customer.query(on: context.db).filter(\.$id ~~ skippedIDs).sort(\.$legalName).all()
        let lastStatement = try await DunningSafety.lastStatementDay(
            organisationID: context.organisationID, on: context.db)
        return OutgoingPageData(
            today: context.today, next: next, schedulerEnabled: schedule.enabled, report: report,
            customers: Dictionary(customers.compactMap { c in c.id.map { ($0, c) } }) { a, _ in a },
            invoices: Dictionary(invoices.compactMap { i in i.id.map { ($0, i) } }) { a, _ in a },
            policies: policies, skipped: skipped,
            statement: SafetyCheck.freshness(
                lastImported: lastStatement,
                today: context.today, calendar: calendar, allowedWorkingDays: organisation.statementStaleDays),
            pausedUntil: organisation.pause(on: context.today))
    }
}
