import Vapor

struct PaymentController {
    func list(req: Request) async throws -> Page<PaymentDTO> {
        let context = try await req.serviceContext()
        let result = try await PaymentService.list(try req.query.decode(PaymentListQuery.self), in: context)
        let allocations = try await SettlementLedger.allocations(of: result.items, on: context.db)
        let items = try result.items.map { try PaymentDTO($0, allocations: allocations[try $0.requireID()] ?? []) }
        return Page(items: items, page: result.page, total: result.total)
    }

    /// With an `Idempotency-Key`, a retried request records the payment once and gets the same answer.
    func create(req: Request) async throws -> Response {
        let input = try req.decodeBody(PaymentInput.self)
        let context = try await req.serviceContext()
        return try await Idempotency.run(req, context: context) { tx in
            let payment = try await PaymentService.record(input, in: tx)
            return (.created, try JSONEncoder.api.encode(try await dto(payment, tx)))
        }
    }

    /// The money came back: the payment's allocations (and any discount it earned) are undone.
    func reverse(req: Request) async throws -> PaymentDTO {
        let input = try req.decodeBody(ReasonInput.self)
        let context = try await req.serviceContext()
        return try await dto(
            try await PaymentReversal.reverse(try await find(req, context), reason: input.reason, in: context), context)
    }

    func show(req: Request) async throws -> PaymentDTO {
        let context = try await req.serviceContext()
        return try await dto(try await find(req, context), context)
    }

    func update(req: Request) async throws -> PaymentDTO {
        let input = try req.decodeBody(PaymentUpdate.self)
        let context = try await req.serviceContext()
        return try await dto(
            try await PaymentService.update(try await find(req, context), with: input, in: context), context)
    }

    func allocate(req: Request) async throws -> PaymentDTO {
        let input = try req.decodeBody(ApplyCreditInput.self)
        let context = try await req.serviceContext()
        return try await dto(
            try await CreditApplication.applyRemaining(try await find(req, context), input, in: context), context)
    }

    private func find(_ req: Request, _ context: ServiceContext) async throws -> Payment {
        try await PaymentService.find(try req.uuidParameter("paymentID", entity: "payment"), in: context)
    }

    private func dto(_ payment: Payment, _ context: ServiceContext) async throws -> PaymentDTO {
        let allocations = try await SettlementLedger.allocations(of: [payment], on: context.db)
        return try PaymentDTO(payment, allocations: allocations[try payment.requireID()] ?? [])
    }
}
