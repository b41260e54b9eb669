import CarteraCore
import Fluent
import Foundation
import SQLKit

/// One conversation a day: what the daily pass tells a customer on one day goes in one message.
/// A message waiting for that day and not yet taken by a worker rides in the customer's reminder or
/// statement of the day as one line after the greeting (at the end of an SMS), and its own message is
/// cancelled (its dedupe key stays taken, so it is not queued again). Riders: an instalment notice queued
/// earlier in the pass (`CollectionChecks`), and a new-invoice or thank-you message of a kind the
/// organisation sends in the day's message (`EventDelivery.dailyMessage`).
enum SameDayNotices {
    static let ridingKeyPrefix = "plan_instalment:"

    /// A message that can ride along, and the line it becomes there.
    struct Rider {
        let message: OutboxMessage
        let line: String
    }

    /// The customer's riders for a message of `channel` on `date`; none for a call task, which goes to the
    /// collector, not to the customer.
    static func riders(for customer: Customer, on date: LocalDate, channel: ReminderChannel, in context: ServiceContext)
        async throws -> [Rider]
    {
        guard !channel.isForCollector else { return [] }
        var riders: [Rider] = []
        for message in try await waiting(for: customer.requireID(), on: date, in: context) {
            riders.append(Rider(message: message, line: try await line(of: message, for: customer, in: context)))
        }
        return riders
    }

    /// The customer's messages of `date` that can still ride along.
    static func waiting(for customerID: UUID, on date: LocalDate, in context: ServiceContext) async throws
        -> [OutboxMessage]
    {
        let riding = context.organisation.dailyMessageKinds
        return try await OutboxMessage.query(on: context.db).filter(\.$customer.$id == customerID)
            .filter(\.$scheduledOn == date.iso).filter(\.$status == .pending).filter(\.$claimedBy == nil)
            .filter(\.$deliveryStartedAt == nil).sort(\.$createdAt).all()
            .filter { $0.dedupeKey.hasPrefix(ridingKeyPrefix) || riding.contains($0.kind) }
    }

    /// One short line that says what the message says: an instalment notice's subject ("Cuota 1 de 5 …
    /// vence el 20 mar 2026."), or the payments a thank-you names, or the invoices a new-invoice message
    /// announces, formatted for the customer.
    private static func line(of message: OutboxMessage, for customer: Customer, in context: ServiceContext)
        async throws -> String
    {
        let composer = MessageComposer(
            organisation: context.organisation, localizer: context.messaging.localizer, language: customer.language)
        let id = try message.requireID()
        var said: String?
        switch message.kind {
        case .paymentReceived:
            let payments = try await Payment.query(on: context.db).filter(\.$thankedInMessageID == id)
                .filter(\.$reversedOn == nil).sort(\.$receivedOn).sort(\.$createdAt).all()
            said = try thanks(for: payments, composer, in: context)
        case .newInvoice:
            let invoices = try await Invoice.query(on: context.db).filter(\.$announcedInMessageID == id)
                .sort(\.$dueDate).sort(\.$number).all()
            said = try announcement(of: invoices, composer, in: context)
        default:
            break
        }
        let line = said ?? message.subject
        return line.hasSuffix(".") ? line : line + "."
    }

    /// "Recibimos su pago de $ 1.500.000,00 del 3 dic 2026; gracias."
    private static func thanks(for payments: [Payment], _ composer: MessageComposer, in context: ServiceContext)
        throws -> String?
    {
        guard !payments.isEmpty else { return nil }
        let and = and(composer, in: context)
        let (amounts, days) = try EventReminders.paymentWords(payments, composer)
        return context.messaging.localizer.text(
            payments.count == 1 ? "message.notice.payment_received" : "message.notice.payments_received",
            language: composer.language,
            arguments: [
                "amount": EventReminders.joined(amounts, and: and), "date": EventReminders.joined(days, and: and),
            ])
    }

    /// "Le enviamos la factura FE-12 por $ 2.000.000,00, vence el 30 dic 2026."
    private static func announcement(of invoices: [Invoice], _ composer: MessageComposer, in context: ServiceContext)
        throws -> String?
    {
        let localizer = context.messaging.localizer
        let items = try invoices.map { invoice in
            [
                "number": invoice.number,
                "amount": composer.money(try invoice.balance.isZero ? invoice.total : invoice.balance),
                "date": composer.date(try invoice.due),
            ]
        }
        guard let first = items.first else { return nil }
        guard items.count > 1 else {
            return localizer.text("message.notice.new_invoice", language: composer.language, arguments: first)
        }
        let listed = items.compactMap {
            localizer.text("message.notice.new_invoice_item", language: composer.language, arguments: $0)
        }
        return localizer.text(
            "message.notice.new_invoices", language: composer.language,
            arguments: ["invoices": EventReminders.joined(listed, and: and(composer, in: context))])
    }

    private static func and(_ composer: MessageComposer, in context: ServiceContext) -> String {
        context.messaging.localizer.text("message.list_and", language: composer.language) ?? " y "
    }

    /// Cancels the riders that went inside `message`, while no worker holds them. Only those its body
    /// says: an SMS too short for one leaves that one to go alone, by email, as it would have.
    static func fold(_ riders: [Rider], into message: OutboxMessage, in context: ServiceContext) async throws {
        let into = try message.requireID()
        for rider in riders where message.bodyText.contains(rider.line) {
            let id = try rider.message.requireID()
            let folded = try await context.db.sql.raw(
                """
                UPDATE outbox_messages SET status = 'cancelled'
                WHERE id = \(bind: id) AND status = 'pending' AND claimed_by IS NULL AND delivery_started_at IS NULL
                RETURNING id
                """
            ).first()
            guard folded != nil else { continue }
            try await AuditLog.record(
                "message.folded", entityType: "outbox_message", entityID: id,
                details: ["into": into.uuidString], in: context)
        }
    }
}
