import CarteraCore
import Fluent
import Foundation
import SQLKit

/// A customer's statement of account: what is open, what credit is unapplied, and how old it is.
struct CustomerStatement {
    /// One currency's part of the statement.
    struct Section {
        let currency: Currency
        /// Owed invoices in this currency, by due date then number.
        let openItems: [StatementItem]
        /// Open balances by aging bucket; its total is the open balance.
        let aging: AgingReport
        /// Payments and credit notes not yet applied to an invoice.
        let unappliedCredit: Money
        /// Open balance − unapplied credit: what the customer owes net.
        let netBalance: Money
        /// Late fees charged and not waived: owed apart from the invoices, never in their balances.
        let lateFees: Money
    }

    let customer: Customer
    let asOf: LocalDate
    let sections: [Section]
    /// Why open items are paused today (disputed, promised, in a plan), by invoice: what the customer is told.
    let holds: [UUID: [HoldNote]]
}

enum StatementService {
    static func statement(for customer: Customer, asOf: LocalDate, in context: ServiceContext) async throws
        -> CustomerStatement
    {
        let customerID = try customer.requireID()
        let (invoices, holds) = try await StatementLines.openItems(
            customerID: customerID, today: context.today, on: context.db)
        let owed = try await StatementLines.creditAndFees(
            customerID: customerID, organisationID: context.organisationID, on: context.db)
        let currencies = Set(invoices.map(\.balance.currency.code)).union(owed.keys).sorted()

        let sections = try currencies.map { code -> CustomerStatement.Section in
            let currency = try Currency(code: code)
            var report = AgingReport(asOf: asOf, currency: currency)
            let items = invoices.filter { $0.balance.currency.code == code }
            for invoice in items { try report.add(balance: invoice.balance, dueDate: try invoice.due) }
            let unapplied = Money(minorUnits: owed[code]?.credit ?? 0, currency: currency)
            return .init(
                currency: currency, openItems: items, aging: report, unappliedCredit: unapplied,
                netBalance: try report.total.subtracting(unapplied),
                lateFees: Money(minorUnits: owed[code]?.fees ?? 0, currency: currency))
        }
        return CustomerStatement(customer: customer, asOf: asOf, sections: sections, holds: holds)
    }
}

extension StatementService {
    /// "Send statement now" from the customer page: the periodic statement, today, at most once a day.
    static func sendNow(_ customer: Customer, in context: ServiceContext) async throws -> OutboxMessage {
        guard !customer.doNotContact else {
            throw ServiceError.conflict("do_not_contact", "The customer is marked do not contact")
        }
        let open = try await Invoice.query(on: context.db).filter(\.$customer.$id == customer.requireID())
            .owed().sort(\.$dueDate).all()
        guard !open.isEmpty else {
            throw ServiceError.conflict("nothing_owed", "The customer owes nothing: there is no statement to send")
        }
        let dedupeKey = "manual_statement:\(try customer.requireID()):\(context.today.iso)"
        guard try await OutboxMessage.query(on: context.db).filter(\.$dedupeKey == dedupeKey).count() == 0 else {
            throw ServiceError.conflict("statement_already_sent", "A statement was already sent to this customer today")
        }
        let message = try await context.transaction { tx in
            try await OutboxWriter.queue(
                .init(
                    customer: customer, contact: nil, kind: .debtSummary, channel: .email, tone: .friendly,
                    templateKey: ReminderKind.debtSummary.rawValue, dedupeKey: dedupeKey, invoices: open), in: tx)
        }
        guard let message else {
            throw ServiceError.conflict("no_contact", "The customer has no contact with an email address")
        }
        return message
    }
}
