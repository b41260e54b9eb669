import Fluent
import Foundation
import Vapor

/// Creates and checks API keys. Secrets are 256 random bits; only their SHA-256 is stored, which is
/// enough for secrets of that entropy (a slow password hash would only slow every request).
enum APIKeys {
    static let secretPrefix = "ck_"

    struct Created: Sendable {
        let key: APIKey
        let secret: String
    }

    static func create(name: String, role: Role = .admin, organisationID: UUID, on db: any Database) async throws
        -> Created
    {
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max) }
        let secret = secretPrefix + bytes.map { String(format: "%02x", $0) }.joined()
        let key = APIKey()
        key.organisationID = organisationID
        key.name = name
        key.role = role
        key.prefix = String(secret.prefix(secretPrefix.count + 8))
        key.secretHash = hash(secret)
        try await key.create(on: db)
        return Created(key: key, secret: secret)
    }

    static func find(hash: String, on db: any Database) async throws -> APIKey? {
        try await APIKey.query(on: db)
            .filter(\.$secretHash == hash)
            .filter(\.$revokedAt == nil)
            .first()
    }

    /// Marks the key revoked (once: the first revocation's time stays). nil when the organisation
    /// has no such key. The caller then makes its process forget the key (`APIKeyCache.forget`),
    /// after the commit, so no request in between puts it back in the cache.
    static func revoke(id: UUID, organisationID: UUID, now: Date, on db: any Database) async throws -> APIKey? {
        guard
            let key = try await APIKey.query(on: db).filter(\.$id == id).filter(\.$organisationID == organisationID)
                .first()
        else { return nil }
        if key.revokedAt == nil {
            key.revokedAt = now
            try await key.save(on: db)
        }
        return key
    }

    static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).hexEncodedString()
    }
}
