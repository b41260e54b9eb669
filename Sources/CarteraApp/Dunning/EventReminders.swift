import CarteraCore
import Fluent
import Foundation

/// The two reminders caused by events rather than dates: a new invoice, and a thank-you for a
/// payment. Queued in the transaction of the event itself.
enum EventReminders {
    static func invoiceIssued(_ invoice: Invoice, in context: ServiceContext) async throws {
        guard invoice.status.isOwed,
            let customer = try await enabledCustomer(invoice.$customer.id, kind: .newInvoice, in: context)
        else { return }
        try await OutboxWriter.queue(
            .init(
                customer: customer, contact: nil, kind: .newInvoice, channel: .email, tone: .friendly,
                templateKey: TemplateKey.newInvoice.rawValue, dedupeKey: "new_invoice:\(try invoice.requireID())",
                invoices: [invoice]), in: context)
    }

    static func paymentReceived(_ payment: Payment, in context: ServiceContext) async throws {
        guard let customer = try await enabledCustomer(payment.$customer.id, kind: .paymentReceived, in: context) else {
            return
        }
        let composer = MessageComposer(
            organisation: context.organisation, localizer: context.messaging.localizer, language: customer.language)
        let settled = try await Allocation.query(on: context.db).filter(\.$payment.$id == payment.requireID()).all()
            .map(\.$invoice.id)
        let invoices =
            settled.isEmpty
            ? [] : try await Invoice.query(on: context.db).filter(\.$id ~~ settled).sort(\.$dueDate).all()
        let amount = Money(minorUnits: payment.amountMinor, currency: try Currency(code: payment.currency))
        let stillOpen = try await Invoice.query(on: context.db).filter(\.$customer.$id == customer.requireID())
            .owed().all()
        var values = try composer.values(customer: customer, contact: nil, invoices: stillOpen, today: context.today)
        values = values.filter { $0.key == "total_balance" }
        if stillOpen.isEmpty { values["total_balance"] = .text(composer.money(.zero(amount.currency))) }
        values["payment_amount"] = .text(composer.money(amount))
        values["payment_date"] = .text(composer.date(try LocalDate(iso: payment.receivedOn)))
        try await OutboxWriter.queue(
            .init(
                customer: customer, contact: nil, kind: .paymentReceived, channel: .email, tone: .friendly,
                templateKey: TemplateKey.paymentReceived.rawValue,
                dedupeKey: "payment_received:\(try payment.requireID())",
                invoices: invoices, extraValues: values), in: context)
    }

    /// The customer, when this kind of message is on for the organisation and for them.
    private static func enabledCustomer(_ id: UUID, kind: ReminderKind, in context: ServiceContext) async throws
        -> Customer?
    {
        guard context.notifiesCustomers, context.organisation.enabledReminderKinds.contains(kind),
            let customer = try await Customer.find(id, on: context.db),
            !customer.doNotContact, !DunningSettings.kinds(customer.reminderKindsOff).contains(kind)
        else { return nil }
        return customer
    }
}
