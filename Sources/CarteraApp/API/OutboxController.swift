import Vapor

struct OutboxController {
    func list(req: Request) async throws -> Page<OutboxMessageDTO> {
        let result = try await OutboxService.list(
            try req.query.decode(OutboxListQuery.self), in: try await req.serviceContext())
        return Page(items: try result.items.map(OutboxMessageDTO.init), page: result.page, total: result.total)
    }

    func show(req: Request) async throws -> OutboxMessageDTO {
        try OutboxMessageDTO(try await find(req, try await req.serviceContext()))
    }

    /// The printable letter (or any message) as an HTML page with print styles.
    func letter(req: Request) async throws -> Response {
        let message = try await find(req, try await req.serviceContext())
        return Response(
            status: .ok, headers: ["Content-Type": "text/html; charset=utf-8"],
            body: .init(string: OutboxService.printable(message)))
    }

    func retry(req: Request) async throws -> OutboxMessageDTO {
        let context = try await req.serviceContext()
        return try OutboxMessageDTO(try await OutboxService.retry(try await find(req, context), in: context))
    }

    func cancel(req: Request) async throws -> OutboxMessageDTO {
        let context = try await req.serviceContext()
        return try OutboxMessageDTO(try await OutboxService.cancel(try await find(req, context), in: context))
    }

    /// A printed letter handed to the post (the same action as the letters page's "Mark as posted").
    func posted(req: Request) async throws -> OutboxMessageDTO {
        let context = try await req.serviceContext()
        let id = try req.uuidParameter("messageID", entity: "message")
        let letters = try await LetterService.markPosted(LettersPostedInput(messageIds: [id]), in: context)
        guard let letter = letters.first else { throw ServiceError.notFound("letter") }
        return try OutboxMessageDTO(letter)
    }

    private func find(_ req: Request, _ context: ServiceContext) async throws -> OutboxMessage {
        try await OutboxService.find(try req.uuidParameter("messageID", entity: "message"), in: context)
    }
}
