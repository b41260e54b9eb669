import CarteraCore
import Vapor

/// GET /templates/{key}/{language}/{channel} — one message's wording: subject and body, editable by
/// admins, with a preview against a real customer (chosen on the page) rendered by the composer of
/// real sends, the variables a template may use and what each means, and "back to the original".
/// Saving is the API's `PUT /api/v1/templates/…`, resetting its `DELETE` (`TemplateService`).
struct TemplatePage {
    static let formName = "template"

    struct Form: Content {
        var subject: String?
        var body: String?
        var customerId: UUID?
    }

    static func render(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        var typed: (String, String)?
        var errors: [String: String] = [:]
        if let memory = req.session.takeForm() {
            if memory.name == formName {
                typed = (memory.values["subject"] ?? "", memory.values["body"] ?? "")
                errors = memory.errors
            } else {
                req.session.remember(memory)
            }
        }
        let customer = (try? req.query.get(String.self, at: "customer")).flatMap(UUID.init(uuidString:))
        return try await show(req, typed: typed, errors: errors, customer: customer, in: context)
    }

    /// "Vista previa": the page again with the text as typed, rendered for the chosen customer; nothing saved.
    static func preview(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let form = try req.content.decode(Form.self)
        return try await show(
            req, typed: (form.subject ?? "", form.body ?? ""), errors: [:], customer: form.customerId, in: context)
    }

    static func save(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let (key, language, channel) = try identity(req)
        let form = try req.content.decode(Form.self)
        let back = AppURL.template(key, language: language, channel: channel)
        do {
            _ = try await TemplateService.save(
                key: key.rawValue, language: language, channel: channel,
                MessageTemplateInput(subject: channel == .sms ? "" : form.subject, body: form.body), in: context)
        } catch let error as ServiceError where error.kind == .invalid {
            let field = error.field == "subject" ? "subject" : "body"
            let message = req.refusalText(error, label: field)
            return req.refuseForm(to: back, errors: [field: message], summary: message)
        }
        req.session.flash(req.text("flash.template_saved"))
        return req.redirect(
            to: form.customerId.map { AppURL.template(key, language: language, channel: channel, customer: $0) } ?? back
        )
    }

    /// "Volver al texto original": the organisation's own wording is removed; the bundled one applies again.
    static func reset(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let (key, language, channel) = try identity(req)
        try await TemplateService.reset(key: key.rawValue, language: language, channel: channel, in: context)
        req.session.flash(req.text("flash.template_reset"))
        return req.redirect(to: AppURL.template(key, language: language, channel: channel))
    }

    // MARK: -

    private static func identity(_ req: Request) throws -> (TemplateKey, String, ReminderChannel) {
        do {
            let (raw, language, channel) = try TemplateService.identity(
                key: req.parameters.get("key"), language: req.parameters.get("language"),
                channel: req.parameters.get("channel"))
            guard let key = TemplateKey(rawValue: raw) else { throw ServiceError.notFound("template") }
            return (key, language, channel)
        } catch let error as ServiceError where error.kind == .invalid {
            // A language or channel that has no template is an address with no page.
            throw ServiceError.notFound("template")
        }
    }

    private static func show(
        _ req: Request, typed: (String, String)?, errors: [String: String], customer: UUID?,
        in context: ServiceContext
    ) async throws -> Response {
        let (key, language, channel) = try identity(req)
        let data = try await TemplatePageData.read(
            key: key, language: language, channel: channel, typed: typed, errors: errors, customer: customer,
            in: context)
        let page = Context(data: data, format: context.pageFormat(language: req.pageLanguage)) { error, field in
            req.refusalText(error, label: field)
        }
        let refused = !data.previewErrors.isEmpty && req.method == .POST
        return try await req.render(
            "templates/show", title: "template.title", section: "templates", page,
            status: refused ? .unprocessableEntity : .ok)
    }
}

/// GET /templates — every message's wording in effect, by kind, language and channel, the
/// organisation's own marked apart from the originals.
struct TemplatesPage {
    static func render(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        return try await req.render(
            "templates/index", title: "templates.title", section: "templates",
            TemplatesPage.Context(
                data: try await TemplatesPageData.read(in: context),
                format: context.pageFormat(language: req.pageLanguage)))
    }
}
