import CarteraCore
import Fluent
import Foundation

/// What the safety check needs for one day's run, read once for the whole organisation (a handful of
/// small reads: unapplied credit, started portal payments, the review queue, the last statement), then
/// asked per batch. The rule itself is `SafetyCheck` in the core.
struct DunningSafety: Sendable {
    struct ReviewLine: Sendable {
        let customerID: UUID?
        /// The proposal's JSON (the invoice ids the matcher guessed) and the remittance text, upper-cased.
        let text: String
    }

    let today: LocalDate
    let staleMode: StaleStatementMode
    let statement: StatementFreshness
    let credit: [UUID: [Money]]
    let pendingPortal: [UUID: [Money]]
    let reviewLines: [ReviewLine]
    let invoices: [UUID: Invoice]

    /// How long a started portal payment counts as on its way: Stripe confirms within minutes, and the
    /// portal forgets started payments after two days.
    static let portalPaymentWindow: TimeInterval = 2 * 86_400

    /// Ids bound in one read (`Array.chunks`).
    static let idsPerRead = 10_000

    static func load(
        for batches: [ReminderBatch], on date: LocalDate, calendar: WorkingCalendar, in context: ServiceContext
    ) async throws -> DunningSafety {
        let organisation = context.organisation
        let organisationID = context.organisationID
        let db = context.db
        let customerIDs = Set(batches.map(\.customerID))
        let invoiceIDs = batches.flatMap(\.invoiceIDs)
        var invoices: [Invoice] = []
        for chunk in invoiceIDs.chunks(of: Self.idsPerRead) {
            invoices += try await Invoice.query(on: db).filter(\.$id ~~ chunk).all()
        }
        var credit: [UUID: [Money]] = [:]
        for chunk in customerIDs.chunks(of: Self.idsPerRead) {
            let payments = try await Payment.query(on: db).filter(\.$organisationID == organisationID)
                .filter(\.$customer.$id ~~ chunk).filter(\.$reversedOn == nil).all()
            let notes = try await CreditNote.query(on: db).filter(\.$organisationID == organisationID)
                .filter(\.$customer.$id ~~ chunk).all()
            for source in payments as [any CreditSource] + notes as [any CreditSource] where source.unappliedMinor > 0 {
                credit[source.customerID, default: []].append(try source.remaining)
            }
        }
        var pending: [UUID: [Money]] = [:]
        let started = try await PortalSubmission.query(on: db).filter(\.$organisationID == organisationID)
            .filter(\.$form == .pay).filter(\.$accepted == true)
            .filter(\.$createdAt >= context.clock.now().addingTimeInterval(-portalPaymentWindow)).all()
        let startedInvoices = Set(started.compactMap(\.subjectID))
        if !startedInvoices.isEmpty {
            // Still owed: a confirmed payment has settled the invoice and is credit no more.
            for invoice in try await Invoice.query(on: db).filter(\.$id ~~ startedInvoices).owed().all() {
                pending[invoice.$customer.id, default: []].append(try invoice.balance)
            }
        }
        let review = try await BankTransaction.query(on: db).filter(\.$organisationID == organisationID)
            .filter(\.$status == .review).all()
        let lastImported = try await lastStatementDay(organisationID: organisationID, on: db)
        return DunningSafety(
            today: date, staleMode: organisation.statementStaleMode,
            statement: SafetyCheck.freshness(
                lastImported: lastImported, today: date, calendar: calendar,
                allowedWorkingDays: organisation.statementStaleDays),
            credit: credit, pendingPortal: pending,
            reviewLines: review.map {
                ReviewLine(customerID: $0.customerID, text: ($0.proposal + " " + $0.remittanceText).uppercased())
            },
            invoices: Dictionary(invoices.compactMap { invoice in invoice.id.map { ($0, invoice) } }) { first, _ in
                first
            })
    }

    /// The newest day an imported statement covers (its latest booking date): what the bank has told us
    /// up to. The import's own timestamp is the database's wall clock, not the application's.
    static func lastStatementDay(organisationID: UUID, on db: any Database) async throws -> LocalDate? {
        let newest = try await BankTransaction.query(on: db).filter(\.$organisationID == organisationID)
            .sort(\.$bookingDate, .descending).first()
        return newest.flatMap { try? LocalDate(iso: $0.bookingDate) }
    }

    func verdict(for batch: ReminderBatch) throws -> SafetyVerdict {
        let invoices = batch.invoiceIDs.compactMap { self.invoices[$0] }
        let facts = SafetyFacts(
            items: try invoices.map { SafetyFacts.Item(balance: try $0.balance, dueDate: try $0.due) },
            unappliedCredit: credit[batch.customerID] ?? [],
            pendingPortalPayments: pendingPortal[batch.customerID] ?? [],
            reviewQueueMatches: reviewLines.filter { names($0, customer: batch.customerID, invoices: invoices) }.count,
            statement: statement)
        return try SafetyCheck.verdict(facts, today: today, staleMode: staleMode)
    }

    /// The periodic statement goes through the same check, without the customer's credit and started portal
    /// payments: the statement lists that credit, and telling the customer what they have with us is its
    /// purpose. A bank line in review naming them, or an old bank statement (hold mode), still holds it.
    func statementVerdict(customerID: UUID, invoices: [Invoice]) throws -> SafetyVerdict {
        let facts = SafetyFacts(
            items: try invoices.map { SafetyFacts.Item(balance: try $0.balance, dueDate: try $0.due) },
            reviewQueueMatches: reviewLines.filter { names($0, customer: customerID, invoices: invoices) }.count,
            statement: statement)
        return try SafetyCheck.verdict(facts, today: today, staleMode: staleMode)
    }

    /// A review line names the customer when the matcher guessed them, and an invoice when its id is in the
    /// proposal or its number in the transfer's text.
    private func names(_ line: ReviewLine, customer: UUID, invoices: [Invoice]) -> Bool {
        if line.customerID == customer { return true }
        return invoices.contains { invoice in
            (invoice.id.map { line.text.contains($0.uuidString.uppercased()) } ?? false)
                || (invoice.number.count >= 3 && line.text.contains(invoice.number.uppercased()))
        }
    }
}

extension SafetyHoldReason {
    /// The reason in words (`text` looks up the full key `ui.safety.reason.<kind>`), for the collector's task and the outgoing page.
    func words(_ money: (Money) -> String, date: (LocalDate) -> String, text: (String, [String: String]) -> String)
        -> String
    {
        let key = "ui.safety.reason.\(kind.rawValue)"
        switch self {
        case .creditCovers(let credit, let asked):
            return text(
                key,
                [
                    "credit": credit.map(money).joined(separator: " + "),
                    "asked": asked.map(money).joined(separator: " + "),
                ])
        case .portalPaymentPending(let pending, let asked):
            return text(
                key,
                [
                    "pending": pending.map(money).joined(separator: " + "),
                    "asked": asked.map(money).joined(separator: " + "),
                ])
        case .bankLineInReview(let count):
            return text(key, ["count": String(count)])
        case .statementStale(let last, _):
            return text(key, ["date": date(last)])
        }
    }
}
