import CarteraCore
import Vapor

struct InvoiceController {
    func list(req: Request) async throws -> Page<InvoiceDTO> {
        let context = try await req.serviceContext()
        let result = try await InvoiceService.list(try req.query.decode(InvoiceListQuery.self), in: context)
        let lines = try await InvoiceService.lines(of: result.items, on: context.db)
        let items = try result.items.map {
            try InvoiceDTO($0, lines: lines[try $0.requireID()] ?? [], today: context.today)
        }
        return Page(items: items, page: result.page, total: result.total)
    }

    func create(req: Request) async throws -> Response {
        let input = try req.decodeBody(InvoiceInput.self)
        let context = try await req.serviceContext()
        let invoice = try await InvoiceService.create(input, in: context)
        return try await dto(invoice, context).encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> InvoiceDTO {
        let context = try await req.serviceContext()
        return try await dto(try await find(req, context), context)
    }

    func update(req: Request) async throws -> InvoiceDTO {
        let input = try req.decodeBody(InvoiceInput.self)
        let context = try await req.serviceContext()
        return try await dto(
            try await InvoiceService.update(try await find(req, context), with: input, in: context), context)
    }

    func issue(req: Request) async throws -> InvoiceDTO {
        let context = try await req.serviceContext()
        return try await dto(try await InvoiceService.issue(try await find(req, context), in: context), context)
    }

    func void(req: Request) async throws -> InvoiceDTO {
        let input = try req.decodeBody(VoidInput.self)
        let context = try await req.serviceContext()
        return try await dto(
            try await InvoiceService.void(try await find(req, context), reason: input.reason, in: context), context)
    }

    private func find(_ req: Request, _ context: ServiceContext) async throws -> Invoice {
        try await InvoiceService.find(try req.uuidParameter("invoiceID", entity: "invoice"), in: context)
    }

    private func dto(_ invoice: Invoice, _ context: ServiceContext) async throws -> InvoiceDTO {
        let lines = try await InvoiceService.lines(of: [invoice], on: context.db)
        return try InvoiceDTO(invoice, lines: lines[try invoice.requireID()] ?? [], today: context.today)
    }
}
