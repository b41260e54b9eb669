import Fluent
import Foundation

/// An API key. Only the SHA-256 of the secret is stored; the secret is shown once at creation.
public final class APIKey: Model, @unchecked Sendable {
    public static let schema = "api_keys"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "name") public var name: String
    /// First characters of the secret, to tell keys apart in listings.
    @Field(key: "prefix") public var prefix: String
    @Field(key: "secret_hash") public var secretHash: String
    @Field(key: "role") public var role: Role
    @OptionalField(key: "revoked_at") public var revokedAt: Date?
    /// Noted at most once an hour (see `APIKeyAuthenticator`).
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
