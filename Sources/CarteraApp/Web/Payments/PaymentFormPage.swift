import CarteraCore
import Vapor

/// GET /payments/new: record money received from a customer (chosen here, or from `?customer=` or
/// `?invoice=`); POST /payments records it through `PaymentService.record`, the service the API's
/// `POST /api/v1/payments` uses, and goes to the receipt.
enum PaymentFormPage {
    static func render(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let data = try await MoneyInFormData.read(try req.query.decode(MoneyInFormData.Query.self), in: context)
        return try await req.render(
            "payments/new", title: "payment_new.title", section: "customers",
            try PaymentFormContext(data: data, format: context.pageFormat(language: req.pageLanguage)))
    }

    /// How the form allocates: `allocation=oldest` (oldest due first), or `chosen` with the ticked `invoiceIds[]`.
    struct Allocation: Decodable {
        var allocation: String?
        var invoiceIds: [UUID]?
    }

    static func record(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        var input = try await req.typedForm(PaymentInput.self, amounts: ["amount"])
        // An empty date field means today, as an absent one does for the API.
        if input.receivedOn?.trimmingCharacters(in: .whitespaces).isEmpty == true { input.receivedOn = nil }
        let choice = try req.content.decode(Allocation.self)
        let payment = try await PaymentService.record(
            input, settling: choice.allocation == "chosen" ? choice.invoiceIds ?? [] : nil, in: context)
        req.session.flash(req.text("flash.payment_recorded"))
        return req.redirect(to: AppURL.payment(try payment.requireID()))
    }
}
