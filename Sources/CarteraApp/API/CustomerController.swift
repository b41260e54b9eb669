import CarteraCore
import Vapor

struct CustomerController {
    func list(req: Request) async throws -> Page<CustomerDTO> {
        let result = try await CustomerService.list(
            try req.query.decode(CustomerListQuery.self), in: try await req.serviceContext())
        return Page(items: try result.items.map(CustomerDTO.init), page: result.page, total: result.total)
    }

    func create(req: Request) async throws -> Response {
        let customer = try await CustomerService.create(
            try req.decodeBody(CustomerInput.self), in: try await req.serviceContext())
        return try await CustomerDTO(customer).encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> CustomerDTO {
        try CustomerDTO(try await customer(req))
    }

    func update(req: Request) async throws -> CustomerDTO {
        let input = try req.decodeBody(CustomerInput.self)
        let context = try await req.serviceContext()
        return try CustomerDTO(
            try await CustomerService.update(try await customer(req, context), with: input, in: context))
    }

    func statement(req: Request) async throws -> StatementDTO {
        let context = try await req.serviceContext()
        let asOf = try FieldParser.optionalDate(try req.query.decode(AsOfQuery.self).asOf, "as_of") ?? context.today
        return try StatementDTO(
            try await StatementService.statement(for: try await customer(req, context), asOf: asOf, in: context))
    }

    func listContacts(req: Request) async throws -> [ContactDTO] {
        let context = try await req.serviceContext()
        return try await ContactDTO.list(
            try await ContactService.list(for: try await customer(req, context), in: context), on: context.db)
    }

    func createContact(req: Request) async throws -> Response {
        let input = try req.decodeBody(ContactInput.self)
        let context = try await req.serviceContext()
        let contact = try await ContactService.create(
            for: try await customer(req, context), input, source: .api, in: context)
        return try await ContactDTO.list([contact], on: context.db)[0].encodeResponse(status: .created, for: req)
    }

    private func customer(_ req: Request, _ context: ServiceContext? = nil) async throws -> Customer {
        let context = if let context { context } else { try await req.serviceContext() }
        return try await CustomerService.find(try req.uuidParameter("customerID", entity: "customer"), in: context)
    }
}
