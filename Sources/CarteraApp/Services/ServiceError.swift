import CarteraCore

/// Why a service, parser or page refused: the kind of failure, a machine-readable code, a human
/// message and, for a bad value, the field at fault. It says nothing about HTTP: the API's error
/// middleware and the pages' error mapping each turn it into a status, once.
public struct ServiceError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in the caller's terms; the HTTP status each maps to is in `ServiceError(_:)`.
    public enum Kind: Sendable {
        case invalid // a value breaks a rule (422)
        case badRequest // the request itself cannot be read (400)
        case unauthorized // nobody is signed in or the key is missing (401)
        case forbidden // signed in, but not allowed (403)
        case notFound // 404
        case conflict // the state of the data forbids it (409)
        case tooLarge // an upload past the limit (413)
        case unsupportedMediaType // 415
        case tooManyRequests // throttled (429)
        case internalFailure // our fault (500)
        case upstreamFailure // a provider we depend on failed (502)

        /// The caller can fix it (a 4xx): the portal shows these next to the form instead of failing.
        public var isClientFault: Bool { self != .internalFailure && self != .upstreamFailure }
    }

    public let kind: Kind
    public let code: String
    public let message: String
    public let field: String?

    public init(_ kind: Kind, code: String, message: String, field: String? = nil) {
        self.kind = kind
        self.code = code
        self.message = message
        self.field = field
    }

    public var description: String { field.map { "\($0): \(message)" } ?? message }

    static func invalid(_ field: String, code: String = "invalid_field", _ message: String) -> ServiceError {
        ServiceError(.invalid, code: code, message: message, field: field)
    }

    static func missing(_ field: String) -> ServiceError {
        ServiceError(.invalid, code: "missing_field", message: "\(field) is required", field: field)
    }

    static func notFound(_ entity: String) -> ServiceError {
        ServiceError(
            .notFound, code: "\(entity)_not_found",
            message: "\(entity.replacingOccurrences(of: "_", with: " ")) not found")
    }

    static func conflict(_ code: String, _ message: String, field: String? = nil) -> ServiceError {
        ServiceError(.conflict, code: code, message: message, field: field)
    }

    /// Runs `work` and names its refusals by the caller's fields: a call's promise amount is the
    /// call's `promise_amount`, not the promise's `amount`, so the error lands next to the right field.
    static func naming<T>(_ names: [String: String], _ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch let error as ServiceError {
            guard let field = error.field, let renamed = names[field] else { throw error }
            throw ServiceError(error.kind, code: error.code, message: error.message, field: renamed)
        }
    }

    static let unauthorized = ServiceError(
        .unauthorized, code: "unauthorized",
        message: "A valid API key is required (Authorization: Bearer <key> or X-API-Key)")
}

extension ServiceError {
    /// Domain rule violations are the client's fault: invalid, with the domain's own code and field.
    init(_ error: DomainError, field fallbackField: String? = nil) {
        self.init(.invalid, code: error.code, message: error.message, field: error.field ?? fallbackField)
    }
}
