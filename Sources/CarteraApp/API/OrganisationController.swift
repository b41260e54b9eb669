import Vapor

struct OrganisationController {
    func show(req: Request) async throws -> OrganisationDTO {
        try OrganisationDTO(try await req.serviceContext().organisation)
    }

    func update(req: Request) async throws -> OrganisationDTO {
        let input = try req.decodeBody(OrganisationUpdate.self)
        return try OrganisationDTO(try await OrganisationService.update(input, in: try await req.serviceContext()))
    }
}
