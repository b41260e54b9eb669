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
