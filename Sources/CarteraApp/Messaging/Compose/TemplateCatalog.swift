import CarteraCore
import Fluent
import Foundation

/// The wording of every message: an organisation's own template when it has one, otherwise the
/// bundled default in `Resources/Templates/<language>.json`.
struct TemplateCatalog: Sendable {
    struct Source: Codable, Hashable, Sendable {
        var subject: String
        var body: String
    }

    /// key -> channel -> source, per language.
    private let defaults: [String: [String: [String: Source]]]

    static let keys = TemplateKey.allCases.map(\.rawValue)

    /// Everything a template may use. Inside an invoice list rows also have the row names, the same
    /// columns in each list.
    static let variables: Set<String> = [
        "organisation_name", "customer_name", "contact_name", "invoice_number", "amount", "due_date", "days_overdue",
        "total_balance", "overdue_total", "not_due_total", "payment_instructions", "portal_link", "payment_amount",
        "payment_date", "statement_date", "instalment_number", "instalment_count", "instalment_amount",
        "instalment_due_date", "discount_offer", "bank_accounts", "how_to_pay",
        "invoices", "invoices.number", "invoices.issue_date", "invoices.due_date", "invoices.total", "invoices.balance",
        "invoices.days_overdue", "invoices.status_note",
        "overdue_invoices", "overdue_invoices.number", "overdue_invoices.issue_date", "overdue_invoices.due_date",
        "overdue_invoices.total", "overdue_invoices.balance", "overdue_invoices.days_overdue",
        "overdue_invoices.status_note",
        "not_due_invoices", "not_due_invoices.number", "not_due_invoices.issue_date", "not_due_invoices.due_date",
        "not_due_invoices.total", "not_due_invoices.balance", "not_due_invoices.days_overdue",
        "not_due_invoices.status_note",
    ]

    static func loadBundled() throws -> TemplateCatalog {
        var defaults: [String: [String: [String: Source]]] = [:]
        for language in Localizer.supportedLanguages {
            guard
                let url = Bundle.module.url(
                    forResource: language, withExtension: "json", subdirectory: "Resources/Templates")
            else {
                throw ConfigError(variable: "Resources/Templates/\(language).json", reason: "missing from the bundle")
            }
            defaults[language] = try JSONDecoder().decode([String: [String: Source]].self, from: Data(contentsOf: url))
        }
        return TemplateCatalog(defaults: defaults)
    }

    func bundled(key: String, language: String, channel: ReminderChannel) -> Source? {
        defaults[language]?[key]?[channel.rawValue] ?? defaults[language]?[key]?[ReminderChannel.email.rawValue]
    }

    /// The organisation's override, else the default; call tasks have no template.
    func source(key: String, language: String, channel: ReminderChannel, organisationID: UUID, on db: any Database)
        async throws -> Source?
    {
        if let record = try await MessageTemplateRecord.query(on: db)
            .filter(\.$organisationID == organisationID).filter(\.$key == key)
            .filter(\.$language == language).filter(\.$channel == channel.rawValue).first()
        {
            return Source(subject: record.subject, body: record.body)
        }
        return bundled(key: key, language: language, channel: channel)
    }

    /// Parses and checks a template before it is stored.
    static func validate(_ source: Source) throws {
        do {
            try MessageTemplate(source.subject).validate(allowed: variables, field: "subject")
            try MessageTemplate(source.body).validate(allowed: variables, field: "body")
        } catch let error as DomainError {
            throw ServiceError(error, field: error.field ?? "body")
        }
    }
}
