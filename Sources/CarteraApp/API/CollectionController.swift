import Fluent
import Vapor

/// Disputes, promises to pay and the collector's tasks.
struct CollectionController {
    func openDispute(req: Request) async throws -> Response {
        let input = try req.decodeBody(DisputeInput.self)
        let context = try await req.serviceContext()
        let invoice = try await req.invoiceParameter(in: context)
        return try await DisputeDTO(
            try await DisputeService.open(on: invoice, input, in: context), currency: try invoice.currencyValue
        )
        .encodeResponse(status: .created, for: req)
    }

    func resolveDispute(req: Request) async throws -> DisputeDTO {
        let input = try req.decodeBody(DisputeResolution.self)
        let context = try await req.serviceContext()
        let dispute = try await DisputeService.find(try req.uuidParameter("disputeID", entity: "dispute"), in: context)
        let resolved = try await DisputeService.resolve(dispute, input, in: context)
        return try DisputeDTO(
            resolved, currency: try await InvoiceService.find(resolved.$invoice.id, in: context).currencyValue)
    }

    func listPromises(req: Request) async throws -> [PromiseDTO] {
        let context = try await req.serviceContext()
        return try await PromiseService.list(for: try await req.customerParameter(in: context), in: context).map(
            PromiseDTO.init)
    }

    func createPromise(req: Request) async throws -> Response {
        let input = try req.decodeBody(PromiseInput.self)
        let context = try await req.serviceContext()
        return try await PromiseDTO(
            try await PromiseService.create(for: try await req.customerParameter(in: context), input, in: context)
        ).encodeResponse(status: .created, for: req)
    }

    /// Everything the customer was sent or will be sent, newest first: the messaging part of the timeline.
    func customerMessages(req: Request) async throws -> [OutboxMessageDTO] {
        let context = try await req.serviceContext()
        let customer = try await req.customerParameter(in: context)
        return try await OutboxMessage.query(on: context.db).filter(\.$customer.$id == customer.requireID())
            .sort(\.$createdAt, .descending).limit(200).all().map(OutboxMessageDTO.init)
    }
}
