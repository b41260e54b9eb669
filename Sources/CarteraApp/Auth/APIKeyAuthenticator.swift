import Fluent
import Vapor

/// Accepts `Authorization: Bearer <key>` or `X-API-Key: <key>`; rejects everything else with 401.
struct APIKeyAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let secret = request.headers.bearerAuthorization?.token ?? request.headers.first(name: "X-API-Key"),
            let principal = try await Self.principal(secret: secret, request: request)
        else {
            throw ServiceError.unauthorized
        }
        request.auth.login(principal)
        return try await next.respond(to: request)
    }

    private static func principal(secret: String, request: Request) async throws -> APIPrincipal? {
        guard secret.hasPrefix(APIKeys.secretPrefix) else { return nil }
        let hash = APIKeys.hash(secret)
        let cache = request.application.apiKeyCache
        let now = Date()
        if let known = cache.principal(forHash: hash, now: now) { return known }
        guard let key = try await APIKeys.find(hash: hash, on: request.db) else { return nil }
        // Noted on a cache miss and at most hourly, so using a key is not a write per request.
        if key.lastUsedAt.map({ now.timeIntervalSince($0) >= 3_600 }) ?? true {
            try await APIKey.query(on: request.db).filter(\.$id == key.requireID()).set(\.$lastUsedAt, to: now)
                .update()
        }
        let principal = APIPrincipal(
            keyID: try key.requireID(), actor: Actor(organisationID: key.organisationID, name: "api_key:\(key.name)"),
            role: key.role)
        cache.remember(principal, forHash: hash, now: now)
        return principal
    }
}
