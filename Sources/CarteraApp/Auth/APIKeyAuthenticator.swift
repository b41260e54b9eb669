import Fluent
import Vapor

/// Accepts `Authorization: Bearer <key>` or `X-API-Key: <key>`; rejects everything else with 401.
struct APIKeyAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let secret = request.headers.bearerAuthorization?.token ?? request.headers.first(name: "X-API-Key"),
              let key = try await APIKeys.find(secret: secret, on: request.db)
        else {
            throw APIError.unauthorized
        }
        request.auth.login(APIPrincipal(keyID: try key.requireID(), actor: Actor(organisationID: key.organisationID, name: "api_key:\(key.name)"), role: key.role))
        return try await next.respond(to: request)
    }
}
