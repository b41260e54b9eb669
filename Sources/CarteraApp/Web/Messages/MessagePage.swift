import CarteraCore
import Vapor

/// GET /messages/{id} — one message as the customer saw it (the email framed, the SMS text, the letter
/// ready to print), where it stands and why, with retry and cancel for collectors.
struct MessagePage {
    struct Context: Encodable {
        let id: String
        let subject: String
        let recipient: String
        let address: String
        let customer: String
        let customerURL: String
        let channel: String
        let isEmail: Bool
        let isSMS: Bool
        let isLetter: Bool
        let step: String
        let status: String
        let statusLabel: String
        let failure: String?
        let technicalReason: String?
        let queuedAt: String
        let sentAt: String?
        let attempts: String
        let bodyText: String
        let viewURL: String
        /// A letter's page: dated, addressed and signed, to print and mark posted.
        let letterURL: String?
        let retryURL: String?
        let cancelURL: String?
        let backURL = AppURL.messages
    }

    static func render(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let message = try await find(req, context)
        let customer = try await CustomerService.find(message.$customer.id, in: context)
        let steps = try await MessageStep.read(for: [message], on: context.db)
        return try await req.render(
            "messages/show", title: "messages.message_title", section: "messages",
            try Context(
                message: message, customer: customer, step: steps[try message.requireID()],
                format: context.pageFormat(language: req.pageLanguage), timeZone: context.timeZone))
    }

    /// The message's own HTML (letters with print styles), under a policy that lets nothing run or load.
    static func view(req: Request) async throws -> Response {
        let message = try await find(req, try await req.serviceContext())
        return Response(
            status: .ok, headers: ["Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"],
            body: .init(string: OutboxService.printable(message)))
    }

    static func retry(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let message = try await OutboxService.retry(try await find(req, context), in: context)
        return done(req, message, "flash.message_retried")
    }

    static func cancel(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let message = try await OutboxService.cancel(try await find(req, context), in: context)
        return done(req, message, "flash.message_cancelled")
    }

    private static func find(_ req: Request, _ context: ServiceContext) async throws -> OutboxMessage {
        try await OutboxService.find(try req.uuidParameter("messageID", entity: "message"), in: context)
    }

    private static func done(_ req: Request, _ message: OutboxMessage, _ key: String) -> Response {
        req.session.flash(req.text(key))
        return req.redirectBack(fallback: message.id.map(AppURL.message) ?? AppURL.messages)
    }
}
