import CarteraCore
import Fluent
import Foundation

/// The two reminders caused by events rather than dates: a new invoice, and a thank-you for a
/// payment. Queued in the transaction of the event itself, within one conversation a day: an event
/// after the customer's message of the day waits for the next send window, and a thank-you not yet
/// sent names every payment that arrives meanwhile (several bank lines: one thank-you).
enum EventReminders {
    static func invoiceIssued(_ invoice: Invoice, in context: ServiceContext) async throws {
        guard invoice.status.isOwed,
            let customer = try await enabledCustomer(invoice.$customer.id, kind: .newInvoice, in: context)
        else { return }
        let customerID = try customer.requireID()
        try await RowLocks.lockCustomer(customerID, on: context.db)
        // A new-invoice message no worker has taken yet names this invoice too, written again.
        if let waiting = try await waitingMessage(of: customerID, kind: .newInvoice, in: context) {
            let waitingID = try waiting.requireID()
            let named = try await Invoice.query(on: context.db).filter(\.$announcedInMessageID == waitingID)
                .sort(\.$dueDate).sort(\.$number).all()
            var draft = newInvoice(customer, for: named + [invoice], dedupeKey: waiting.dedupeKey, in: context)
            draft.replacing = waiting
            if try await OutboxWriter.queue(draft, in: context) != nil {
                invoice.announcedInMessageID = waitingID
                try await invoice.save(on: context.db)
                return
            }
        }
        var draft = newInvoice(
            customer, for: [invoice], dedupeKey: "new_invoice:\(try invoice.requireID())", in: context)
        if context.organisation.delivery(of: .newInvoice) == .dailyMessage {
            draft.notBefore = nextRun(in: context)
        } else if try await spokenTo(customer, in: context) {
            draft.notBefore = nextWindow(in: context)
        }
        if let message = try await OutboxWriter.queue(draft, in: context) {
            invoice.announcedInMessageID = message.id
            try await invoice.save(on: context.db)
        }
    }

    /// The new-invoice message naming `invoices`: with several, their numbers, amounts and due days
    /// are listed ("FE-1 y FE-2").
    private static func newInvoice(
        _ customer: Customer, for invoices: [Invoice], dedupeKey: String, in context: ServiceContext
    ) -> OutboxWriter.Draft {
        var draft = OutboxWriter.Draft(
            customer: customer, contact: nil, kind: .newInvoice, channel: .email, tone: .friendly,
            templateKey: TemplateKey.newInvoice.rawValue, dedupeKey: dedupeKey, invoices: invoices)
        guard invoices.count > 1 else { return draft }
        let composer = MessageComposer(
            organisation: context.organisation, localizer: context.messaging.localizer, language: customer.language)
        let and = context.messaging.localizer.text("message.list_and", language: customer.language) ?? " y "
        draft.extraValues["invoice_number"] = .text(joined(invoices.map(\.number), and: and))
        draft.extraValues["amount"] = .text(
            joined(invoices.compactMap { try? composer.money($0.balance.isZero ? $0.total : $0.balance) }, and: and))
        draft.extraValues["due_date"] = .text(joined(invoices.compactMap { try? composer.date($0.due) }, and: and))
        return draft
    }

    /// The customer's message of `kind` that a worker has not taken yet, if any.
    private static func waitingMessage(of customerID: UUID, kind: ReminderKind, in context: ServiceContext)
        async throws -> OutboxMessage?
    {
        try await OutboxMessage.query(on: context.db).filter(\.$customer.$id == customerID)
            .filter(\.$kind == kind).filter(\.$status == .pending).filter(\.$claimedBy == nil)
            .filter(\.$deliveryStartedAt == nil).sort(\.$createdAt, .descending).first()
    }

    static func paymentReceived(_ payment: Payment, in context: ServiceContext) async throws {
        guard let customer = try await enabledCustomer(payment.$customer.id, kind: .paymentReceived, in: context) else {
            return
        }
        let customerID = try customer.requireID()
        try await RowLocks.lockCustomer(customerID, on: context.db)
        // A thank-you no worker has taken yet names this payment too, written again.
        if let waiting = try await waitingMessage(of: customerID, kind: .paymentReceived, in: context) {
            let waitingID = try waiting.requireID()
            let named = try await Payment.query(on: context.db).filter(\.$thankedInMessageID == waitingID)
                .filter(\.$reversedOn == nil).sort(\.$receivedOn).sort(\.$createdAt).all()
            var draft = try await thankYou(customer, for: named + [payment], dedupeKey: waiting.dedupeKey, in: context)
            draft.replacing = waiting
            if try await OutboxWriter.queue(draft, in: context) != nil {
                payment.thankedInMessageID = waitingID
                try await payment.save(on: context.db)
                return
            }
        }
        // A new one: today if the customer heard nothing from us today, else in the next window; with
        // the day's message chosen, at the next daily run, to ride in that day's reminder or statement.
        let runsLater = context.organisation.delivery(of: .paymentReceived) == .dailyMessage
        let notBefore = runsLater ? nextRun(in: context) : nextWindow(in: context)
        let later = runsLater ? true : try await spokenTo(customer, in: context)
        let day = later ? LocalDate.today(at: notBefore, in: context.timeZone) : context.today
        var dedupeKey = "payment_received:\(customerID):\(day.iso)"
        if try await OutboxMessage.query(on: context.db).filter(\.$dedupeKey == dedupeKey).count() > 0 {
            dedupeKey = "payment_received:\(try payment.requireID())"
        }
        var draft = try await thankYou(customer, for: [payment], dedupeKey: dedupeKey, in: context)
        if later { draft.notBefore = notBefore }
        if let message = try await OutboxWriter.queue(draft, in: context) {
            payment.thankedInMessageID = message.id
            try await payment.save(on: context.db)
        }
    }

    /// The thank-you naming `payments`: their amounts and days, the invoices they settled, and
    /// what is still owed.
    private static func thankYou(
        _ customer: Customer, for payments: [Payment], dedupeKey: String, in context: ServiceContext
    ) async throws -> OutboxWriter.Draft {
        let composer = MessageComposer(
            organisation: context.organisation, localizer: context.messaging.localizer, language: customer.language)
        let paymentIDs = try payments.map { try $0.requireID() }
        let settled = try await Allocation.query(on: context.db).filter(\.$payment.$id ~~ paymentIDs).all()
            .map(\.$invoice.id)
        let invoices =
            settled.isEmpty
            ? [] : try await Invoice.query(on: context.db).filter(\.$id ~~ settled).sort(\.$dueDate).all()
        let (amounts, days) = try paymentWords(payments, composer)
        let stillOpen = try await Invoice.query(on: context.db).filter(\.$customer.$id == customer.requireID())
            .owed().all()
        var values = try composer.values(customer: customer, contact: nil, invoices: stillOpen, today: context.today)
        values = values.filter { $0.key == "total_balance" }
        if stillOpen.isEmpty, let first = payments.first {
            values["total_balance"] = .text(composer.money(.zero(try Currency(code: first.currency))))
        }
        let and = context.messaging.localizer.text("message.list_and", language: customer.language) ?? " y "
        values["payment_amount"] = .text(joined(amounts, and: and))
        values["payment_date"] = .text(joined(days, and: and))
        return OutboxWriter.Draft(
            customer: customer, contact: nil, kind: .paymentReceived, channel: .email, tone: .friendly,
            templateKey: TemplateKey.paymentReceived.rawValue, dedupeKey: dedupeKey, invoices: invoices,
            extraValues: values)
    }

    /// Each payment's amount, and the days they came in (each day once), as the customer reads them.
    static func paymentWords(_ payments: [Payment], _ composer: MessageComposer) throws -> (
        amounts: [String], days: [String]
    ) {
        let amounts = try payments.map {
            composer.money(Money(minorUnits: $0.amountMinor, currency: try Currency(code: $0.currency)))
        }
        var days: [String] = []
        for payment in payments {
            let day = composer.date(try LocalDate(iso: payment.receivedOn))
            if !days.contains(day) { days.append(day) }
        }
        return (amounts, days)
    }

    /// "A, B y C".
    static func joined(_ items: [String], and: String) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + and + last
    }

    /// Whether the customer has a message for today already (sent or waiting).
    private static func spokenTo(_ customer: Customer, in context: ServiceContext) async throws -> Bool {
        try await OutboxMessage.query(on: context.db).filter(\.$customer.$id == customer.requireID())
            .filter(\.$scheduledOn == context.today.iso).filter(\.$status != .cancelled).count() > 0
    }

    /// Tomorrow at the organisation's reminder hour, when its daily pass writes to customers.
    private static func nextWindow(in context: ServiceContext) -> Date {
        atReminderHour(of: context.today.addingClamped(days: 1), in: context)
    }

    /// The next daily run: today's reminder hour while it has not come, else tomorrow's. The scheduler's
    /// tick runs the pass before it delivers, so a message waiting for that hour can still ride in it.
    private static func nextRun(in context: ServiceContext) -> Date {
        let hour = context.organisation.reminderHour ?? 8
        let day = EventDelivery.runDay(
            today: context.today, localHour: BackgroundJobs.localHour(at: context.clock.now(), in: context.timeZone),
            reminderHour: hour)
        return atReminderHour(of: day, in: context)
    }

    private static func atReminderHour(of day: LocalDate, in context: ServiceContext) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = context.timeZone
        let parts = DateComponents(
            year: day.year, month: day.month, day: day.day, hour: context.organisation.reminderHour ?? 8)
        return calendar.date(from: parts) ?? context.clock.now().addingTimeInterval(24 * 3600)
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
