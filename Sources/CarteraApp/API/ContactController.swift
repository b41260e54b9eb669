import Vapor

struct ContactController {
    func show(req: Request) async throws -> ContactDTO {
        let context = try await req.serviceContext()
        return try ContactDTO(
            try await ContactService.find(try req.uuidParameter("contactID", entity: "contact"), in: context))
    }

    func update(req: Request) async throws -> ContactDTO {
        let input = try req.decodeBody(ContactInput.self)
        let context = try await req.serviceContext()
        let contact = try await ContactService.find(try req.uuidParameter("contactID", entity: "contact"), in: context)
        return try ContactDTO(try await ContactService.update(contact, with: input, in: context))
    }

    func delete(req: Request) async throws -> HTTPStatus {
        let context = try await req.serviceContext()
        let contact = try await ContactService.find(try req.uuidParameter("contactID", entity: "contact"), in: context)
        try await ContactService.delete(contact, in: context)
        return .noContent
    }
}
