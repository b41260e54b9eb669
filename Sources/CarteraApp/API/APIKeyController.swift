import Fluent
import Vapor

/// `POST /api/v1/api-keys/{id}/revoke` (admins; the route group checks the role): the key stops
/// working at once here and within `APIKeyCache.ttl` on other instances.
struct APIKeyController {
    func revoke(req: Request) async throws -> RevokedAPIKeyDTO {
        let id = try req.uuidParameter("apiKeyID", entity: "api_key")
        let context = try await req.serviceContext()
        let key = try await APIKeyRevocation.revoke(id: id, in: context, app: req.application)
        return try RevokedAPIKeyDTO(key)
    }
}

/// One revocation for the API and `cartera revoke-api-key`: the key marked, the audit event in the
/// same transaction, and this process's cache told after the commit.
enum APIKeyRevocation {
    static func revoke(id: UUID, in context: ServiceContext, app: Application) async throws -> APIKey {
        let key = try await context.transaction { tx in
            guard
                let key = try await APIKeys.revoke(
                    id: id, organisationID: tx.organisationID, now: tx.clock.now(), on: tx.db)
            else {
                throw ServiceError.notFound("api_key")
            }
            try await AuditLog.record(
                "api_key.revoked", entityType: "api_key", entityID: id,
                details: ["name": key.name, "prefix": key.prefix], in: tx)
            return key
        }
        app.apiKeyCache.forget(keyID: id)
        return key
    }
}

struct RevokedAPIKeyDTO: Content {
    let id: UUID
    let name: String
    let prefix: String
    let role: Role
    let revokedAt: Date

    init(_ key: APIKey) throws {
        id = try key.requireID()
        name = key.name
        prefix = key.prefix
        role = key.role
        revokedAt = key.revokedAt ?? Date()
    }
}
