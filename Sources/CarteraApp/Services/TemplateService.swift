import CarteraCore
import Fluent
import Foundation

enum TemplateService {
    static let channels = ReminderChannel.allCases.filter(\.hasTemplate)

    /// The template in effect for one key, language and channel.
    struct Effective: Sendable {
        let key: String
        let language: String
        let channel: ReminderChannel
        let source: TemplateCatalog.Source
        /// True when the organisation changed it; false for the bundled default.
        let customized: Bool
    }

    /// Every template in effect: the organisation's own where it has one, else the default.
    static func list(in context: ServiceContext) async throws -> [Effective] {
        let overrides = try await MessageTemplateRecord.query(on: context.db).filter(
            \.$organisationID == context.organisationID
        ).all()
        var result: [Effective] = []
        for key in TemplateCatalog.keys {
            for language in Localizer.supportedLanguages {
                for channel in channels {
                    if let own = overrides.first(where: {
                        $0.key == key && $0.language == language && $0.channel == channel.rawValue
                    }) {
                        result.append(
                            .init(
                                key: key, language: language, channel: channel,
                                source: .init(subject: own.subject, body: own.body), customized: true))
                    } else if let bundled = context.messaging.catalog.bundled(
                        key: key, language: language, channel: channel)
                    {
                        result.append(
                            .init(key: key, language: language, channel: channel, source: bundled, customized: false))
                    }
                }
            }
        }
        return result
    }

    static func identity(key: String?, language: String?, channel: String?) throws -> (String, String, ReminderChannel)
    {
        let key = try FieldParser.required(key, "key")
        guard TemplateCatalog.keys.contains(key) else { throw ServiceError.notFound("template") }
        let language = try FieldParser.language(try FieldParser.required(language, "language"), "language")
        let channel = try FieldParser.enumValue(
            try FieldParser.required(channel, "channel"), ReminderChannel.self, "channel")
        guard channel.hasTemplate else { throw ServiceError.invalid("channel", "Call tasks have no template") }
        return (key, language, channel)
    }

    static func save(
        key: String, language: String, channel: ReminderChannel, _ input: MessageTemplateInput,
        in context: ServiceContext
    ) async throws -> Effective {
        // The subject becomes an email header: one line (`SafeText`); the MIME writer refuses it otherwise.
        let source = TemplateCatalog.Source(
            subject: try SafeText.checked(input.subject ?? "", "subject"),
            body: try FieldParser.text(input.body, "body", maxLength: 20_000))
        try TemplateCatalog.validate(source)
        let record =
            try await MessageTemplateRecord.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .filter(\.$key == key).filter(\.$language == language).filter(\.$channel == channel.rawValue).first()
            ?? MessageTemplateRecord()
        record.organisationID = context.organisationID
        record.key = key
        record.language = language
        record.channel = channel.rawValue
        record.subject = source.subject
        record.body = source.body
        return try await context.transaction { tx in
            try await record.save(on: tx.db)
            try await AuditLog.record(
                "template.updated", entityType: "message_template", entityID: try record.requireID(),
                details: ["key": key, "language": language, "channel": channel.rawValue], in: tx)
            return Effective(key: key, language: language, channel: channel, source: source, customized: true)
        }
    }

    static func reset(key: String, language: String, channel: ReminderChannel, in context: ServiceContext) async throws
    {
        try await context.transaction { tx in
            let records = try await MessageTemplateRecord.query(on: tx.db).filter(
                \.$organisationID == tx.organisationID
            )
            .filter(\.$key == key).filter(\.$language == language).filter(\.$channel == channel.rawValue).all()
            for record in records {
                try await record.delete(on: tx.db)
                try await AuditLog.record(
                    "template.reset", entityType: "message_template", entityID: try record.requireID(),
                    details: ["key": key], in: tx)
            }
        }
    }

    /// Renders a stored or proposed template with a real customer's open invoices (or sample data).
    static func preview(_ input: TemplatePreviewInput, in context: ServiceContext) async throws -> RenderedMessage {
        let (key, language, channel) = try identity(
            key: input.key, language: input.language ?? "es", channel: input.channel ?? "email")
        var source =
            try await context.messaging.catalog.source(
                key: key, language: language, channel: channel, organisationID: context.organisationID, on: context.db)
            ?? TemplateCatalog.Source(subject: "", body: "")
        if let subject = input.subject { source.subject = subject }
        if let body = input.body { source.body = body }
        try TemplateCatalog.validate(source)
        let composer = MessageComposer(
            organisation: context.organisation, localizer: context.messaging.localizer, language: language)
        let values: [String: TemplateValue]
        if let customerID = input.customerId {
            let customer = try await CustomerService.referenced(customerID, in: context)
            let open = try await Invoice.query(on: context.db).filter(\.$customer.$id == customer.requireID())
                .owed().sort(\.$dueDate).all()
            let contact = RecipientPicker.pick(
                from: try await OutboxWriter.contacts(of: customer, on: context.db), for: channel)
            values = try composer.values(
                customer: customer, contact: contact, invoices: open, today: context.today,
                holds: try await HoldNote.inForce(on: open, in: context))
        } else {
            values = try sampleValues(composer: composer, context: context)
        }
        return try RenderedMessage(
            source: source, values: values, email: channel == .email ? EmailLayout(composer) : nil)
    }

    private static func sampleValues(composer: MessageComposer, context: ServiceContext) throws -> [String:
        TemplateValue]
    {
        let customer = Customer()
        customer.legalName = "Ferretería El Progreso S.A.S."
        let invoice = Invoice()
        invoice.number = "FE-1001"
        invoice.issueDate = context.today.addingClamped(days: -40).iso
        invoice.dueDate = context.today.addingClamped(days: -10).iso
        invoice.currency = context.organisation.defaultCurrency
        invoice.totalMinor = 1_250_000 * (try Currency(code: invoice.currency)).minorUnitsPerMajor
        invoice.balanceMinor = invoice.totalMinor
        invoice.settledMinor = 0
        invoice.status = .open
        invoice.paymentTerms = "net30"
        let contact = Contact()
        contact.name = "María Gómez"
        return try composer.values(customer: customer, contact: contact, invoices: [invoice], today: context.today)
    }
}
