import Fluent
import Foundation

/// A link that lets one customer see and act on their own account without an account of their
/// own. Only the SHA-256 of the secret is stored; the link expires and can be revoked.
public final class PortalToken: Model, @unchecked Sendable {
    public static let schema = "portal_tokens"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Parent(key: "customer_id") public var customer: Customer
    @Field(key: "secret_hash") public var secretHash: String
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "revoked_at") public var revokedAt: Date?
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?
    @Field(key: "created_by") public var createdBy: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
