import Fluent
import Vapor

/// Disputes, promises to pay and the collector's tasks.
struct CollectionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("invoices", ":invoiceID", "disputes", use: openDispute)
        routes.post("disputes", ":disputeID", "resolve", use: resolveDispute)
        routes.get("customers", ":customerID", "promises", use: listPromises)
        routes.post("customers", ":customerID", "promises", use: createPromise)
        routes.get("customers", ":customerID", "messages", use: customerMessages)
        routes.get("tasks", use: listTasks)
        routes.post("tasks", ":taskID", "complete", use: completeTask)
    }

    func openDispute(req: Request) async throws -> Response {
        let input = try req.decodeBody(DisputeInput.self)
        let context = try await req.serviceContext()
        let invoice = try await InvoiceService.find(try req.uuidParameter("invoiceID", entity: "invoice"), in: context)
        return try await DisputeDTO(try await DisputeService.open(on: invoice, input, in: context)).encodeResponse(status: .created, for: req)
    }

    func resolveDispute(req: Request) async throws -> DisputeDTO {
        let input = try req.decodeBody(DisputeResolution.self)
        let context = try await req.serviceContext()
        let dispute = try await DisputeService.find(try req.uuidParameter("disputeID", entity: "dispute"), in: context)
        return try DisputeDTO(try await DisputeService.resolve(dispute, input, in: context))
    }

    func listPromises(req: Request) async throws -> [PromiseDTO] {
        let context = try await req.serviceContext()
        return try await PromiseService.list(for: try await customer(req, context), in: context)
    }

    func createPromise(req: Request) async throws -> Response {
        let input = try req.decodeBody(PromiseInput.self)
        let context = try await req.serviceContext()
        return try await PromiseService.create(for: try await customer(req, context), input, in: context).encodeResponse(status: .created, for: req)
    }

    /// Everything the customer was sent or will be sent, newest first: the messaging part of the timeline.
    func customerMessages(req: Request) async throws -> [OutboxMessageDTO] {
        let context = try await req.serviceContext()
        let customer = try await customer(req, context)
        return try await OutboxMessage.query(on: context.db).filter(\.$customer.$id == customer.requireID())
            .sort(\.$createdAt, .descending).limit(200).all().map(OutboxMessageDTO.init)
    }

    func listTasks(req: Request) async throws -> [CollectionTaskDTO] {
        let context = try await req.serviceContext()
        let status = try req.query.get(String?.self, at: "status").map { try FieldParser.enumValue($0, CollectionTaskStatus.self, "status") } ?? .open
        return try await CollectionTask.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .filter(\.$status == status).sort(\.$dueOn).limit(500).all().map(CollectionTaskDTO.init)
    }

    func completeTask(req: Request) async throws -> CollectionTaskDTO {
        let context = try await req.serviceContext()
        guard let task = try await CollectionTask.query(on: context.db).filter(\.$id == (try req.uuidParameter("taskID", entity: "task")))
            .filter(\.$organisationID == context.organisationID).first() else { throw APIError.notFound("task") }
        guard task.status == .open else { throw APIError.conflict("task_not_open", "The task is already \(task.status.rawValue)") }
        return try await context.transaction { tx in
            task.status = .done
            task.completedAt = tx.clock.now()
            try await task.save(on: tx.db)
            try await AuditLog.record("task.completed", entityType: "collection_task", entityID: try task.requireID(), in: tx)
            return try CollectionTaskDTO(task)
        }
    }

    private func customer(_ req: Request, _ context: ServiceContext) async throws -> Customer {
        try await CustomerService.find(try req.uuidParameter("customerID", entity: "customer"), in: context)
    }
}
