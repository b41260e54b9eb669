import CarteraCore
import Fluent
import Foundation

/// Puts a message to a customer in the outbox. Always inside the caller's transaction, so the
/// message exists exactly when the change that caused it does; `dedupe_key` is unique, so the
/// same message can never be queued twice.
enum OutboxWriter {
    struct Draft {
        let customer: Customer
        let contact: Contact?
        let kind: ReminderKind
        let channel: ReminderChannel
        let tone: ReminderTone
        let templateKey: String
        let dedupeKey: String
        let invoices: [Invoice]
        var extraValues: [String: TemplateValue] = [:]
    }

    /// Renders and stores the message; nil when there is nobody to address it to.
    @discardableResult
    static func queue(_ draft: Draft, in context: ServiceContext) async throws -> OutboxMessage? {
        let contactRules = CustomerContactRules(
            customer: draft.customer, organisation: context.organisation, around: context.today)
        var contact = draft.contact
        if contact == nil {
            // Only the contacts whose consent lets this channel be used (in Colombia: authorised ones).
            let usable = try await ContactConsents.usable(
                try await contacts(of: draft.customer, on: context.db), for: draft.channel, rules: contactRules.rules,
                on: context.db)
            contact = RecipientPicker.pick(from: usable, for: draft.channel)
        }
        guard let contact else { return nil }
        let language = draft.customer.language
        let composer = MessageComposer(
            organisation: context.organisation, localizer: context.messaging.localizer, language: language)
        guard
            let source = try await context.messaging.catalog.source(
                key: draft.templateKey, language: language, channel: draft.channel,
                organisationID: context.organisationID, on: context.db)
        else {
            throw ServiceError(
                .internalFailure, code: "template_missing",
                message: "No template \(draft.templateKey) for \(draft.channel.rawValue)")
        }
        // Every message carries its own portal link, so the customer is one click from paying or answering.
        let portal = try await PortalLinks.create(for: draft.customer, in: context, audited: false)
        let values = try composer.values(
            customer: draft.customer, contact: contact, invoices: draft.invoices, today: context.today,
            portalLink: portal.url, extra: draft.extraValues)
        let rendered = try RenderedMessage(
            source: source, values: values, email: draft.channel == .email ? EmailLayout(composer) : nil)

        let message = OutboxMessage()
        message.id = UUID()
        message.organisationID = context.organisationID
        message.$customer.id = try draft.customer.requireID()
        message.kind = draft.kind
        message.channel = draft.channel
        message.tone = draft.tone
        message.dedupeKey = draft.dedupeKey
        message.recipientName = contact.name
        message.recipientAddress = RecipientPicker.address(of: contact, for: draft.channel)
        message.subject = rendered.subject
        message.bodyText = rendered.text
        message.bodyHTML = rendered.html
        message.rfcMessageID = "<\(message.id!.uuidString.lowercased())@cartera>"
        message.status = draft.channel.isTransmitted ? .pending : .ready
        message.attempts = 0
        // Never delivered outside the hours the customer may be contacted: it waits for the next opening.
        message.nextAttemptAt =
            draft.channel.isTransmitted
            ? contactRules.nextAllowed(from: context.clock.now()) : context.clock.now()
        message.scheduledOn = context.today.iso
        try await message.create(on: context.db)
        try await AuditLog.record(
            "message.queued", entityType: "outbox_message", entityID: message.id!,
            details: [
                "kind": draft.kind.rawValue, "channel": draft.channel.rawValue, "to": message.recipientAddress,
                "customer_id": draft.customer.id?.uuidString ?? "",
                "invoices": draft.invoices.map(\.number).joined(separator: ","),
            ], in: context)
        return message
    }

    static func contacts(of customer: Customer, on db: any Database) async throws -> [Contact] {
        try await Contact.query(on: db).filter(\.$customer.$id == customer.requireID()).all()
    }
}
