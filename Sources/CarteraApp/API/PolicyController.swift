import Vapor

struct PolicyController {
    func list(req: Request) async throws -> [CollectionPolicyDTO] {
        try await PolicyService.list(in: try await req.serviceContext()).map(CollectionPolicyDTO.init)
    }

    func create(req: Request) async throws -> Response {
        let input = try req.decodeBody(CollectionPolicyInput.self)
        let record = try await PolicyService.create(input, in: try await req.serviceContext())
        return try await CollectionPolicyDTO(record).encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> CollectionPolicyDTO {
        let context = try await req.serviceContext()
        return try CollectionPolicyDTO(
            try await PolicyService.find(try req.uuidParameter("policyID", entity: "policy"), in: context))
    }

    func update(req: Request) async throws -> CollectionPolicyDTO {
        let input = try req.decodeBody(CollectionPolicyInput.self)
        let context = try await req.serviceContext()
        let record = try await PolicyService.find(try req.uuidParameter("policyID", entity: "policy"), in: context)
        return try CollectionPolicyDTO(try await PolicyService.update(record, with: input, in: context))
    }

    func delete(req: Request) async throws -> HTTPStatus {
        let context = try await req.serviceContext()
        try await PolicyService.delete(
            try await PolicyService.find(try req.uuidParameter("policyID", entity: "policy"), in: context), in: context)
        return .noContent
    }
}
