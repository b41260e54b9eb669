import CarteraCore
import Vapor

/// GET /payments/<id>: the receipt; POST /payments/<id>/reverse takes the payment back (a bounced
/// cheque, a returned transfer) through `PaymentReversal.reverse`, as the API's `payments/:id/reverse`.
enum PaymentReceiptPage {
    static func render(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let data = try await PaymentReceiptData.read(try await payment(req, context), in: context)
        return try await req.render(
            "payments/show", title: "receipt.title", section: "customers",
            try PaymentReceiptContext(data: data, format: context.pageFormat(language: req.pageLanguage)))
    }

    static func reverse(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let payment = try await PaymentReversal.reverse(
            try await payment(req, context), reason: try req.content.decode(ReasonInput.self).reason, in: context)
        req.session.flash(req.text("flash.payment_reversed"))
        return req.redirect(to: AppURL.payment(try payment.requireID()))
    }

    private static func payment(_ req: Request, _ context: ServiceContext) async throws -> Payment {
        try await PaymentService.find(try req.uuidParameter("paymentID", entity: "payment"), in: context)
    }
}
