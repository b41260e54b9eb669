import Vapor

extension Request {
    /// The service context for the authenticated caller.
    func serviceContext() async throws -> ServiceContext {
        try await ServiceContext.make(db: db, actor: try actor, app: application)
    }

    func uuidParameter(_ name: String, entity: String) throws -> UUID {
        guard let raw = parameters.get(name), let id = UUID(uuidString: raw) else {
            throw ServiceError.notFound(entity)
        }
        return id
    }

    /// Decodes the JSON body, answering 400 rather than 500 when there is none.
    func decodeBody<T: Decodable>(_ type: T.Type) throws -> T {
        guard body.data != nil || body.string != nil else {
            throw APIError(.badRequest, code: "missing_body", message: "A JSON request body is required")
        }
        guard headers.contentType == .json else {
            throw APIError(
                .unsupportedMediaType, code: "unsupported_media_type", message: "Send the body as application/json")
        }
        return try content.decode(T.self)
    }
}

extension Request {
    /// The customer named by the `:customerID` path parameter, in the caller's organisation.
    func customerParameter(in context: ServiceContext) async throws -> Customer {
        try await CustomerService.find(try uuidParameter("customerID", entity: "customer"), in: context)
    }

    /// The invoice named by the `:invoiceID` path parameter, in the caller's organisation.
    func invoiceParameter(in context: ServiceContext) async throws -> Invoice {
        try await InvoiceService.find(try uuidParameter("invoiceID", entity: "invoice"), in: context)
    }
}
