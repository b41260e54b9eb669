import Vapor

struct CreditNoteController {
    func list(req: Request) async throws -> Page<CreditNoteDTO> {
        let context = try await req.serviceContext()
        let result = try await CreditNoteService.list(try req.query.decode(CreditNoteListQuery.self), in: context)
        let allocations = try await SettlementLedger.allocations(of: result.items, on: context.db)
        let items = try result.items.map { try CreditNoteDTO($0, allocations: allocations[try $0.requireID()] ?? []) }
        return Page(items: items, page: result.page, total: result.total)
    }

    func create(req: Request) async throws -> Response {
        let input = try req.decodeBody(CreditNoteInput.self)
        let context = try await req.serviceContext()
        let note = try await CreditNoteService.create(input, in: context)
        return try await dto(note, context).encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> CreditNoteDTO {
        let context = try await req.serviceContext()
        return try await dto(try await find(req, context), context)
    }

    func update(req: Request) async throws -> CreditNoteDTO {
        let input = try req.decodeBody(CreditNoteUpdate.self)
        let context = try await req.serviceContext()
        return try await dto(
            try await CreditNoteService.update(try await find(req, context), with: input, in: context), context)
    }

    func allocate(req: Request) async throws -> CreditNoteDTO {
        let input = try req.decodeBody(ApplyCreditInput.self)
        let context = try await req.serviceContext()
        return try await dto(
            try await CreditApplication.applyRemaining(try await find(req, context), input, in: context), context)
    }

    private func find(_ req: Request, _ context: ServiceContext) async throws -> CreditNote {
        try await CreditNoteService.find(try req.uuidParameter("creditNoteID", entity: "credit_note"), in: context)
    }

    private func dto(_ note: CreditNote, _ context: ServiceContext) async throws -> CreditNoteDTO {
        let allocations = try await SettlementLedger.allocations(of: [note], on: context.db)
        return try CreditNoteDTO(note, allocations: allocations[try note.requireID()] ?? [])
    }
}
