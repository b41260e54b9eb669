import Fluent
import Foundation

/// A signed-in person's (or a visitor's chosen language's) server-side session. The cookie holds a
/// random id; only its SHA-256 is stored, so a copy of the database opens no session.
public final class WebSessionRecord: Model, @unchecked Sendable {
    public static let schema = "web_sessions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "key_hash") public var keyHash: String
    /// The session's values as a JSON object of strings.
    @Field(key: "data") public var data: String
    /// Who is signed in, so "sign out everywhere" is one DELETE.
    @OptionalField(key: "user_id") public var userID: UUID?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "expires_at") public var expiresAt: Date

    public init() {}
}
