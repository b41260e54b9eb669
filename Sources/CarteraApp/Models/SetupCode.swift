import Fluent
import Foundation

/// A one-time code for the first-run page, printed by `serve` to its log while nobody can sign in.
/// Only its SHA-256 is stored; any instance accepts any code not yet expired.
public final class SetupCode: Model, @unchecked Sendable {
    public static let schema = "setup_codes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "code_hash") public var codeHash: String
    @Field(key: "expires_at") public var expiresAt: Date

    public init() {}
}
