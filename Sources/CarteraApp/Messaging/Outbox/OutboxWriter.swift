import CarteraCore
import Fluent
import Foundation
import SQLKit

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
        /// Not before this instant, and for its day (an event after the customer's message of the
        /// day waits for the next window: one conversation a day).
        var notBefore: Date? = nil
        /// Short paragraphs of other things the customer is told the same day (an instalment due, a
        /// payment received), put after the greeting of this message (at the end of an SMS, as many as
        /// fit) instead of going as messages of their own.
        var notices: [String] = []
        /// A message not yet taken by a worker, written again with what it now says (a thank-you
        /// naming one more payment); nil if a worker took it meanwhile.
        var replacing: OutboxMessage? = nil
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
            holds: try await HoldNote.inForce(on: draft.invoices, in: context), portalLink: portal.url,
            extra: draft.extraValues)
        // An SMS carries only the notices that keep it within `SMSLength`; the others go alone.
        let notices =
            draft.channel == .sms && !draft.notices.isEmpty
            ? SMSLength.fitting(draft.notices, after: try RenderedMessage(source: source, values: values).text)
            : draft.notices
        let rendered = try RenderedMessage(
            source: notices.isEmpty ? source : withNotices(source, channel: draft.channel),
            values: values.merging([
                "notices": .text(notices.joined(separator: draft.channel == .sms ? " " : "\n\n"))
            ]) { $1 },
            email: draft.channel == .email ? EmailLayout(composer) : nil)
        if let replaced = draft.replacing {
            return try await rewrite(replaced, as: rendered, to: contact, channel: draft.channel, in: context)
        }

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
        // An organisation-wide pause holds every message, event ones too, until its resume day.
        if let resume = context.organisation.resumeInstant(after: context.clock.now()), resume > message.nextAttemptAt {
            message.nextAttemptAt = draft.channel.isTransmitted ? contactRules.nextAllowed(from: resume) : resume
        }
        message.scheduledOn = context.today.iso
        if let notBefore = draft.notBefore, notBefore > message.nextAttemptAt {
            message.nextAttemptAt = draft.channel.isTransmitted ? contactRules.nextAllowed(from: notBefore) : notBefore
            message.scheduledOn = LocalDate.today(at: notBefore, in: context.timeZone).iso
        }
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

    /// The body with `{{notices}}` after its greeting (the first paragraph), or first when it has none;
    /// in an SMS, one line with no greeting, at its end.
    static func withNotices(_ source: TemplateCatalog.Source, channel: ReminderChannel) -> TemplateCatalog.Source {
        var source = source
        if channel == .sms {
            source.body = source.body.trimmingCharacters(in: .whitespacesAndNewlines) + " {{notices}}"
        } else if let greeting = source.body.range(of: "\n\n") {
            source.body.insert(contentsOf: "{{notices}}\n\n", at: greeting.upperBound)
        } else {
            source.body = "{{notices}}\n\n" + source.body
        }
        return source
    }

    /// Compare-and-set: only while no worker holds it.
    private static func rewrite(
        _ message: OutboxMessage, as rendered: RenderedMessage, to contact: Contact, channel: ReminderChannel,
        in context: ServiceContext
    ) async throws -> OutboxMessage? {
        let id = try message.requireID()
        let address = RecipientPicker.address(of: contact, for: channel)
        let rewritten = try await context.db.sql.raw(
            """
            UPDATE outbox_messages
            SET subject = \(bind: rendered.subject), body_text = \(bind: rendered.text), body_html = \(bind: rendered.html),
                recipient_name = \(bind: contact.name), recipient_address = \(bind: address)
            WHERE id = \(bind: id) AND status = 'pending' AND claimed_by IS NULL AND delivery_started_at IS NULL
            RETURNING id
            """
        ).first()
        guard rewritten != nil else { return nil }
        try await AuditLog.record(
            "message.rewritten", entityType: "outbox_message", entityID: id,
            details: ["kind": message.kind.rawValue, "subject": rendered.subject], in: context)
        return try await OutboxMessage.find(id, on: context.db)
    }

    static func contacts(of customer: Customer, on db: any Database) async throws -> [Contact] {
        try await Contact.query(on: db).filter(\.$customer.$id == customer.requireID()).all()
    }
}
