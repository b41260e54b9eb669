import Vapor

/// Tasks through the API: the same actions as the "My tasks" page, with the same inputs.
struct TaskController {
    func list(req: Request) async throws -> [CollectionTaskDTO] {
        let query = try req.query.decode(TaskListQuery.self)
        let scope: TaskService.Scope =
            switch query.scope ?? "all" {
            case "all", "": .everyone
            case "unassigned": .unassigned
            case let other:
                .collector(
                    try UUID(uuidString: other)
                        ?? { throw ServiceError.invalid("scope", "scope must be all, unassigned or a user id") }())
            }
        return try await TaskService.list(query, scope: scope, in: try await req.serviceContext())
            .map(CollectionTaskDTO.init)
    }

    func create(req: Request) async throws -> Response {
        let task = try await TaskService.create(
            try req.decodeBody(TaskInput.self), in: try await req.serviceContext())
        return try await CollectionTaskDTO(task).encodeResponse(status: .created, for: req)
    }

    func reschedule(req: Request) async throws -> CollectionTaskDTO {
        try CollectionTaskDTO(
            try await TaskService.reschedule(
                try req.uuidParameter("taskID", entity: "task"), try req.decodeBody(TaskRescheduleInput.self),
                in: try await req.serviceContext()))
    }

    func complete(req: Request) async throws -> CollectionTaskDTO {
        try CollectionTaskDTO(
            try await TaskService.complete(
                try req.uuidParameter("taskID", entity: "task"), in: try await req.serviceContext()))
    }

    func completeMany(req: Request) async throws -> [CollectionTaskDTO] {
        try await TaskService.complete(
            try req.decodeBody(TaskBulkCompleteInput.self), in: try await req.serviceContext()
        ).map(CollectionTaskDTO.init)
    }
}
