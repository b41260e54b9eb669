import CarteraCore
import Fluent
import Foundation
import Vapor

/// Everything that happened with a customer, newest first: invoices, payments, credit notes,
/// messages, calls and notes, promises, disputes, plans, holds and escalation.
struct TimelineEntry: Content {
    /// Local date ("2026-03-15") or local date and time ("2026-03-15 10:22") in the organisation's zone.
    let at: String
    /// A `TimelineKind` raw value.
    let kind: String
    let summary: String
    let detail: String
    /// A page of the workspace about it, when there is one.
    let link: String?
}

struct TimelineQuery {
    let context: ServiceContext
    let language: String
    let localizer: Localizer

    static let limit = 300

    func entries(for customer: Customer) async throws -> [TimelineEntry] {
        let customerID = try customer.requireID()
        let db = context.db
        let composer = MessageComposer(organisation: context.organisation, localizer: localizer, language: language)
        var entries: [TimelineEntry] = []
        // People are named by their names: "user:ana@x.co" is Ana Gómez.
        let people = Dictionary(
            try await User.query(on: db).filter(\.$organisationID == context.organisationID).all().map {
                ("user:\($0.email)", $0.name)
            }
        ) { first, _ in first }
        func displayName(_ actor: String) -> String { people[actor] ?? plainName(actor) }
        func add(
            _ at: String, _ kind: TimelineKind, _ arguments: [String: String], detail: String = "", link: String? = nil
        ) {
            let summary =
                localizer.text("timeline.\(kind.rawValue)", language: language, arguments: arguments) ?? kind.rawValue
            entries.append(TimelineEntry(at: at, kind: kind.rawValue, summary: summary, detail: detail, link: link))
        }
        // Words, not codes: dates as the reader writes them, methods, channels and states by name.
        func day(_ iso: String) -> String { (try? LocalDate(iso: iso)).map(composer.date) ?? iso }
        func money(_ minor: Int64, _ code: String) -> String {
            (try? Currency(code: code)).map { composer.money(Money(minorUnits: minor, currency: $0)) }
                ?? "\(minor) \(code)"
        }

        let invoices = try await Invoice.query(on: db).filter(\.$customer.$id == customerID).filter(\.$status != .draft)
            .all()
        let numbers = Dictionary(uniqueKeysWithValues: try invoices.map { (try $0.requireID(), $0.number) })
        for invoice in invoices {
            add(
                invoice.issueDate, .invoice,
                [
                    "number": invoice.number, "amount": money(invoice.totalMinor, invoice.currency),
                    "due": day(invoice.dueDate),
                ],
                link: AppURL.invoice(try invoice.requireID()))
        }
        for payment in try await Payment.query(on: db).filter(\.$customer.$id == customerID).all() {
            add(
                payment.receivedOn, .payment,
                [
                    "amount": money(payment.amountMinor, payment.currency),
                    "method": localizer.text("ui.payment.method.\(payment.method.rawValue)", language: language)
                        ?? payment.method.rawValue,
                ],
                detail: payment.reference ?? "")
        }
        for note in try await CreditNote.query(on: db).filter(\.$customer.$id == customerID).all() {
            add(
                note.issuedOn, .creditNote, ["number": note.number, "amount": money(note.amountMinor, note.currency)],
                detail: note.reason)
        }
        for message in try await OutboxMessage.query(on: db).filter(\.$customer.$id == customerID).sort(
            \.$createdAt, .descending
        ).limit(Self.limit).all() {
            add(
                stamp(message.sentAt ?? message.createdAt), .message,
                [
                    "channel": localizer.text("ui.channel.\(message.channel.rawValue)", language: language)
                        ?? message.channel.rawValue, "subject": message.subject,
                    "status": localizer.text("ui.message.status.\(message.status.rawValue)", language: language)
                        ?? message.status.rawValue, "to": message.recipientAddress,
                ],
                detail: String(message.bodyText.prefix(280)))
        }
        for item in try await Interaction.query(on: db).filter(\.$customer.$id == customerID).all() {
            let outcome =
                item.outcome.map { localizer.text("ui.call.outcome.\($0.rawValue)", language: language) ?? $0.rawValue }
                ?? ""
            add(
                stamp(item.createdAt), TimelineKind(item.kind),
                ["outcome": outcome, "author": displayName(item.author)], detail: item.note)
        }
        for promise in try await PaymentPromise.query(on: db).filter(\.$customer.$id == customerID).all() {
            let status =
                localizer.text("ui.promise.status.\(promise.status.rawValue)", language: language)
                ?? promise.status.rawValue
            add(
                stamp(promise.createdAt), .promise,
                [
                    "amount": money(promise.amountMinor, promise.currency), "date": day(promise.promisedOn),
                    "status": status,
                ],
                detail: promise.note)
        }
        let disputes =
            invoices.isEmpty
            ? [] : try await Dispute.query(on: db).filter(\.$invoice.$id ~~ invoices.map { try $0.requireID() }).all()
        for dispute in disputes {
            let number = numbers[dispute.$invoice.id] ?? ""
            add(
                dispute.openedOn, .disputeOpened, ["number": number], detail: dispute.reason,
                link: AppURL.invoice(dispute.$invoice.id))
            if let resolvedOn = dispute.resolvedOn {
                let resolution =
                    localizer.text("ui.dispute.resolution.\(dispute.resolution ?? "")", language: language) ?? dispute
                    .resolution ?? ""
                add(
                    resolvedOn, .disputeResolved, ["number": number, "resolution": resolution],
                    link: AppURL.invoice(dispute.$invoice.id))
            }
        }
        for plan in try await PaymentPlan.query(on: db).filter(\.$customer.$id == customerID).all() {
            let count = try await PlanInstalment.query(on: db).filter(\.$plan.$id == plan.requireID()).count()
            let status =
                localizer.text("ui.plan.status.\(plan.status.rawValue)", language: language) ?? plan.status.rawValue
            add(
                plan.startsOn, .plan,
                ["amount": money(plan.totalMinor, plan.currency), "count": String(count), "status": status],
                detail: plan.note)
        }
        let customerEvents = try await AuditEvent.query(on: db).filter(\.$organisationID == context.organisationID)
            .filter(\.$entityID == customerID).filter(\.$action ~~ Self.customerActions).all()
        for event in customerEvents {
            let details = (try? JSONDecoder().decode([String: String].self, from: Data(event.details.utf8))) ?? [:]
            let kind: TimelineKind = event.action.hasPrefix("credit.") ? .creditHold : .escalation
            let what = localizer.text("ui.audit.\(event.action)", language: language) ?? event.action
            add(
                stamp(event.occurredAt), kind, ["what": what, "author": displayName(event.actor)],
                detail: details["reason"] ?? details["agency"] ?? "")
        }
        return Array(entries.sorted { $0.at > $1.at }.prefix(Self.limit))
    }

    static let customerActions = [
        "credit.hold_placed", "credit.hold_released", "customer.escalated", "customer.recalled",
    ]

    private func stamp(_ instant: Date?) -> String {
        guard let instant else { return "" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = context.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    /// Someone no longer among the people: "user:ana@x.co" → "ana@x.co"; the scheduler and the
    /// command line by what they are.
    private func plainName(_ actor: String) -> String {
        if actor.hasPrefix("user:") { return String(actor.dropFirst(5)) }
        if actor.hasPrefix("portal:") { return String(actor.dropFirst(7)) }
        return localizer.text("ui.audit.by.system", language: language) ?? actor
    }
}
