import CarteraCore
import Vapor

/// A client error with a machine-readable code, a human message and, for validation, the field at fault.
/// Serialised by `JSONErrorMiddleware` as `{"error": {"code", "message", "field"}}`.
public struct APIError: AbortError, Sendable, CustomStringConvertible {
    public let status: HTTPResponseStatus
    public let code: String
    public let message: String
    public let field: String?

    public init(_ status: HTTPResponseStatus, code: String, message: String, field: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
    }

    public var reason: String { message }

    public var description: String { field.map { "\($0): \(message)" } ?? message }

    static func invalid(_ field: String, code: String = "invalid_field", _ message: String) -> APIError {
        APIError(.unprocessableEntity, code: code, message: message, field: field)
    }

    static func missing(_ field: String) -> APIError {
        APIError(.unprocessableEntity, code: "missing_field", message: "\(field) is required", field: field)
    }

    static func notFound(_ entity: String) -> APIError {
        APIError(
            .notFound, code: "\(entity)_not_found",
            message: "\(entity.replacingOccurrences(of: "_", with: " ")) not found")
    }

    static func conflict(_ code: String, _ message: String, field: String? = nil) -> APIError {
        APIError(.conflict, code: code, message: message, field: field)
    }

    static let unauthorized = APIError(
        .unauthorized, code: "unauthorized",
        message: "A valid API key is required (Authorization: Bearer <key> or X-API-Key)")
}

extension APIError {
    /// Domain rule violations are the client's fault: 422, with the domain's own code and field.
    init(_ error: DomainError, field fallbackField: String? = nil) {
        self.init(.unprocessableEntity, code: error.code, message: error.message, field: error.field ?? fallbackField)
    }
}

extension APIError {
    /// The one place a service's refusal gets its HTTP status; code, message and field stay as they are.
    init(_ error: ServiceError) {
        self.init(Self.status(of: error.kind), code: error.code, message: error.message, field: error.field)
    }

    static func status(of kind: ServiceError.Kind) -> HTTPResponseStatus {
        switch kind {
        case .invalid: .unprocessableEntity
        case .badRequest: .badRequest
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict: .conflict
        case .tooLarge: .payloadTooLarge
        case .unsupportedMediaType: .unsupportedMediaType
        case .tooManyRequests: .tooManyRequests
        case .internalFailure: .internalServerError
        case .upstreamFailure: .badGateway
        }
    }
}
