import CarteraCore
import Vapor

/// Creating an invoice and editing a draft: `GET /invoices/new` and `POST /invoices`,
/// `GET /invoices/<id>/edit` and `POST /invoices/<id>`; issuing a draft and voiding an invoice
/// (`POST /invoices/<id>/issue`, `/void`). The form becomes `InvoiceInput` and goes to
/// `InvoiceService`, as the API's body does.
enum InvoiceFormPage {
    static let formName = "invoice"
    /// The form row a refused line came from, for the page to put the reason next to it.
    static let lineErrorKey = "invoice_line_error"

    static func new(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let chosen = (try? req.query.get(String.self, at: "customer")).flatMap(UUID.init(uuidString:))
        let data = try await InvoiceFormData.read(
            nil, customer: chosen, typed: req.session.peekForm(named: formName), lineError: takeLineError(req),
            in: context)
        return try await render(data, req: req, context: context)
    }

    static func edit(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let invoice = try await req.invoiceParameter(in: context)
        guard invoice.status == .draft else {
            throw ServiceError.conflict("invoice_not_draft", "Only a draft invoice can be edited here")
        }
        let data = try await InvoiceFormData.read(
            invoice, customer: invoice.$customer.id, typed: req.session.peekForm(named: formName),
            lineError: takeLineError(req), in: context)
        return try await render(data, req: req, context: context)
    }

    static func create(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let form = try await req.typedForm(Form.self, amounts: ["total"])
        let input = try await form.input(req: req)
        let invoice = try await lineErrors(req, rows: input.rows) {
            try await InvoiceService.create(input.invoice, in: context)
        }
        req.session.flash(req.text(invoice.status == .draft ? "flash.invoice_drafted" : "flash.invoice_created"))
        return req.redirect(to: AppURL.invoice(try invoice.requireID()))
    }

    static func update(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let invoice = try await req.invoiceParameter(in: context)
        let form = try await req.typedForm(Form.self, amounts: ["total"])
        var input = try await form.input(req: req)
        let issue = input.invoice.status == "open"
        // The draft changes entirely (an empty due date follows the terms again); "issue" then issues it.
        input.invoice.status = nil
        let updated = try await lineErrors(req, rows: input.rows) {
            try await InvoiceService.update(invoice, with: input.invoice, in: context)
        }
        if issue { _ = try await InvoiceService.issue(updated, in: context) }
        req.session.flash(req.text(issue ? "flash.invoice_created" : "flash.invoice_saved"))
        return req.redirect(to: AppURL.invoice(try invoice.requireID()))
    }

    static func issue(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let invoice = try await InvoiceService.issue(try await req.invoiceParameter(in: context), in: context)
        req.session.flash(req.text("flash.invoice_issued"))
        return req.redirect(to: AppURL.invoice(try invoice.requireID()))
    }

    static func void(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let invoice = try await InvoiceService.void(
            try await req.invoiceParameter(in: context), reason: try req.content.decode(ReasonInput.self).reason,
            in: context)
        req.session.flash(req.text("flash.invoice_voided"))
        return req.redirect(to: AppURL.invoice(try invoice.requireID()))
    }

    private static func render(_ data: InvoiceFormData, req: Request, context: ServiceContext) async throws
        -> Response
    {
        let page = InvoiceFormContext(data: data, format: context.pageFormat(language: req.pageLanguage))
        return try await req.render(
            "invoices/form", title: data.invoice == nil ? "invoice_form.new_title" : "invoice_form.edit_title",
            section: "customers", page)
    }

    /// The service names a bad line `lines[2].unit_price`; the page names the field `line_unit_price`
    /// (so its label reads "Precio unitario") and remembers which row of the form it was.
    private static func lineErrors<T>(_ req: Request, rows: [Int], _ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as ServiceError {
            guard let field = error.field, field.hasPrefix("lines["), let close = field.firstIndex(of: "]"),
                let index = Int(field[field.index(field.startIndex, offsetBy: 6)..<close]), rows.indices.contains(index)
            else { throw error }
            let part = field[field.index(after: close)...].drop { $0 == "." }
            throw lineError(req, row: rows[index], part: part.isEmpty ? "unit_price" : String(part), error)
        }
    }

    static func lineError(_ req: Request, row: Int, part: String, _ error: ServiceError) -> ServiceError {
        req.session.data[lineErrorKey] = String(row)
        return ServiceError(error.kind, code: error.code, message: error.message, field: "line_\(part)")
    }

    private static func takeLineError(_ req: Request) -> Int? {
        defer { req.session.data[lineErrorKey] = nil }
        return req.session.data[lineErrorKey].flatMap(Int.init)
    }
}
