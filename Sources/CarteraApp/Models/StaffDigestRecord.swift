import Fluent
import Foundation

/// That a person's digest of a local day was claimed (`claimedAt`) and handed to the transport
/// (`sentAt`; nil: the sender stopped in between, and it is not sent again that day).
public final class StaffDigestRecord: Model, @unchecked Sendable {
    public static let schema = "staff_digests"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "user_id") public var userID: UUID
    /// The organisation's local day, ISO.
    @Field(key: "day") public var day: String
    @Field(key: "claimed_at") public var claimedAt: Date
    @OptionalField(key: "sent_at") public var sentAt: Date?

    public init() {}
}
