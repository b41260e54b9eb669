import CarteraCore
import Vapor

/// GET /credit-notes/new: issue a credit note (returns, price corrections) to a customer, optionally
/// applied to one of its owed invoices; POST /credit-notes issues it through `CreditNoteService.create`,
/// the service the API's `POST /api/v1/credit-notes` uses.
enum CreditNoteFormPage {
    static func render(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let data = try await MoneyInFormData.read(try req.query.decode(MoneyInFormData.Query.self), in: context)
        return try await req.render(
            "credit-notes/new", title: "credit_note_new.title", section: "customers",
            try CreditNoteFormContext(data: data, format: context.pageFormat(language: req.pageLanguage)))
    }

    /// The invoice select posts `invoice`, empty for "none" (an empty `invoiceId` would not decode as an id).
    struct InvoiceChoice: Decodable { var invoice: String? }

    static func create(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        var input = try await req.typedForm(CreditNoteInput.self, amounts: ["amount"])
        if input.issuedOn?.trimmingCharacters(in: .whitespaces).isEmpty == true { input.issuedOn = nil }
        if let raw = try req.content.decode(InvoiceChoice.self).invoice, !raw.isEmpty {
            guard let id = UUID(uuidString: raw) else {
                throw ServiceError.invalid("invoice_id", code: "unknown_invoice", "Choose one of the invoices listed")
            }
            input.invoiceId = id
        }
        let note = try await CreditNoteService.create(input, in: context)
        req.session.flash(req.text("flash.credit_note_issued", ["number": note.number]))
        return req.redirect(to: input.invoiceId.map(AppURL.invoice) ?? AppURL.customer(note.$customer.id))
    }
}
