import Fluent
import Foundation

/// The answer given to a request made with an `Idempotency-Key`, so a retry gets the same answer
/// instead of recording the payment twice.
public final class IdempotencyRecord: Model, @unchecked Sendable {
    public static let schema = "idempotency_keys"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "key") public var key: String
    /// SHA-256 of method, path and body: the same key with another request is refused.
    @Field(key: "request_hash") public var requestHash: String
    @Field(key: "status_code") public var statusCode: Int
    @Field(key: "response_body") public var responseBody: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
