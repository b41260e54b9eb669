import CarteraCore
import Fluent
import Foundation

/// Everything a template's page shows, read once: the text in effect (the organisation's own or the
/// original), the text being edited (as typed, when a form came back or was previewed), the customers
/// to preview against, and the preview itself, rendered by the composer of real sends
/// (`TemplateService.preview`, as the API's `POST /api/v1/templates/preview`).
struct TemplatePageData {
    let key: TemplateKey
    let language: String
    let channel: ReminderChannel
    let effective: TemplateService.Effective?
    let subject: String
    let body: String
    let errors: [String: String]
    let customers: [Customer]
    let customerID: UUID?
    let preview: RenderedMessage?
    /// Why the typed text cannot be previewed, by field (`subject`, `body`).
    let previewErrors: [String: ServiceError]

    static func read(
        key: TemplateKey, language: String, channel: ReminderChannel, typed: (subject: String, body: String)?,
        errors: [String: String], customer chosen: UUID?, in context: ServiceContext
    ) async throws -> TemplatePageData {
        let effective = try await TemplateService.list(in: context).first {
            $0.key == key.rawValue && $0.language == language && $0.channel == channel
        }
        let subject = typed?.subject ?? effective?.source.subject ?? ""
        let body = typed?.body ?? effective?.source.body ?? ""
        let customers = try await Customer.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .sort(\.$legalName).limit(2_000).all()
        var customerID = chosen.flatMap { id in customers.first { $0.id == id }?.id }
        if customerID == nil {
            // By default, a customer who owes something, so the invoices in the text are real.
            customerID =
                try await Invoice.query(on: context.db).filter(\.$organisationID == context.organisationID)
                .owed().sort(\.$dueDate, .descending).first()?.$customer.id ?? customers.first?.id
        }
        var preview: RenderedMessage?
        var previewErrors: [String: ServiceError] = [:]
        do {
            preview = try await TemplateService.preview(
                TemplatePreviewInput(
                    key: key.rawValue, language: language, channel: channel.rawValue, subject: subject, body: body,
                    customerId: customerID),
                in: context)
        } catch let error as ServiceError where error.kind == .invalid {
            previewErrors[error.field ?? "body"] = error
        }
        return TemplatePageData(
            key: key, language: language, channel: channel, effective: effective, subject: subject, body: body,
            errors: errors, customers: customers, customerID: customerID, preview: preview,
            previewErrors: previewErrors)
    }
}

/// The templates list: every template in effect, by kind, language and channel.
struct TemplatesPageData {
    let templates: [TemplateService.Effective]

    static func read(in context: ServiceContext) async throws -> TemplatesPageData {
        TemplatesPageData(templates: try await TemplateService.list(in: context))
    }
}
