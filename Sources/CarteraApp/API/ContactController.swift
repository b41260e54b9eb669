import Vapor

struct ContactController {
    func show(req: Request) async throws -> ContactDTO {
        let context = try await req.serviceContext()
        let contact = try await ContactService.find(try req.uuidParameter("contactID", entity: "contact"), in: context)
        return try await ContactDTO.list([contact], on: context.db)[0]
    }

    func update(req: Request) async throws -> ContactDTO {
        let input = try req.decodeBody(ContactInput.self)
        let context = try await req.serviceContext()
        let contact = try await ContactService.find(try req.uuidParameter("contactID", entity: "contact"), in: context)
        let updated = try await ContactService.update(contact, with: input, source: .api, in: context)
        return try await ContactDTO.list([updated], on: context.db)[0]
    }

    func delete(req: Request) async throws -> HTTPStatus {
        let context = try await req.serviceContext()
        let contact = try await ContactService.find(try req.uuidParameter("contactID", entity: "contact"), in: context)
        try await ContactService.delete(contact, in: context)
        return .noContent
    }
}
