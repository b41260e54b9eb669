import CarteraCore
import Fluent
import Vapor

/// Turns every error into the JSON error body. Client errors are answered as they are; anything
/// else is logged and answered with a generic 500 that leaks no internals.
struct JSONErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let apiError = Self.translate(error)
            if apiError.status.code >= 500 {
                request.logger.error("Unhandled error: \(String(reflecting: error))")
            }
            return try Self.response(for: apiError, request: request)
        }
    }

    static func translate(_ error: any Error) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as ServiceError:
            return APIError(error)
        case let error as DomainError:
            return APIError(ServiceError(error))
        case let error as CommandArgumentError:
            return APIError(
                ServiceError.invalid(
                    error.field.replacingOccurrences(of: "--", with: "").replacingOccurrences(of: "-", with: "_"),
                    error.message))
        case let error as DecodingError:
            return translate(decoding: error)
        case let error as any DatabaseError where error.isConstraintFailure:
            return APIError(ServiceError.conflict("conflict", "The change conflicts with existing data"))
        case let error as any AbortError:
            let code =
                error.status == .notFound
                ? "route_not_found" : error.status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "_")
            return APIError(error.status, code: code, message: error.reason)
        default:
            return APIError(.internalServerError, code: "internal_error", message: "Something went wrong on our side")
        }
    }

    private static func translate(decoding error: DecodingError) -> APIError {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(snakeCase(key.stringValue))" }
                .joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
                .replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return APIError(.unprocessableEntity, code: "missing_field", message: "\(field) is required", field: field)
        case .typeMismatch(let type, let context):
            let field = path(context.codingPath)
            return APIError(
                .unprocessableEntity, code: "invalid_type",
                message: "\(field) has the wrong type (expected \(describe(type)))", field: field)
        case .valueNotFound(let type, let context):
            let field = path(context.codingPath)
            return APIError(
                .unprocessableEntity, code: "missing_field",
                message: "\(field) must not be null (expected \(describe(type)))", field: field)
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            if field.isEmpty {
                return APIError(.badRequest, code: "invalid_json", message: "The request body is not valid JSON")
            }
            return APIError(
                .unprocessableEntity, code: "invalid_field",
                message: "\(field) is not valid: \(context.debugDescription)", field: field)
        @unknown default:
            return APIError(.badRequest, code: "invalid_json", message: "The request body could not be read")
        }
    }

    /// Decoding sees camelCase keys (the decoder converts from snake_case); clients know the wire names.
    private static func snakeCase(_ key: String) -> String {
        key.reduce(into: "") { result, character in
            if character.isUppercase { result += "_" + character.lowercased() } else { result.append(character) }
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "string"
        case is Int.Type, is Int64.Type: return "integer"
        case is Bool.Type: return "boolean"
        default: return "\(type)".lowercased().contains("array") ? "array" : "object"
        }
    }

    private static func response(for error: APIError, request: Request) throws -> Response {
        let localized = request.application.localizer.errorMessage(
            code: error.code, field: error.field, fallback: error.message, language: request.preferredLanguage)
        let body = ErrorBody(error: .init(code: error.code, message: localized, field: error.field))
        let response = Response(status: error.status)
        try response.content.encode(body, as: .json)
        if error.status == .unauthorized {
            response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer")
        }
        return response
    }

    struct ErrorBody: Content {
        struct Detail: Codable {
            let code: String
            let message: String
            let field: String?
        }
        let error: Detail
    }
}
