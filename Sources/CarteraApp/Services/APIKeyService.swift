import Fluent
import Foundation

/// API keys for the settings page and `cartera create-api-key`: one way to make a key (its name
/// checked, the audit event in the same transaction) and the organisation's list. Revoking is
/// `APIKeyRevocation.revoke`, shared with the API's `POST /api-keys/{id}/revoke`.
enum APIKeyService {
    static let nameLength = 1...100

    static func create(name: String?, role: Role, in context: ServiceContext) async throws -> APIKeys.Created {
        let name = try FieldParser.text(name, "name", maxLength: nameLength.upperBound)
        return try await context.transaction { tx in
            let created = try await APIKeys.create(name: name, role: role, organisationID: tx.organisationID, on: tx.db)
            try await AuditLog.record(
                "api_key.created", entityType: "api_key", entityID: try created.key.requireID(),
                details: ["name": name, "prefix": created.key.prefix, "role": role.rawValue], in: tx)
            return created
        }
    }

    /// Every key of the organisation, live ones first, newest first.
    static func list(in context: ServiceContext) async throws -> [APIKey] {
        let keys = try await APIKey.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .sort(\.$createdAt, .descending).all()
        return keys.filter { $0.revokedAt == nil } + keys.filter { $0.revokedAt != nil }
    }
}
