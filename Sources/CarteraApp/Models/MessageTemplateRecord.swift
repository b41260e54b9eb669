import Fluent
import Foundation

/// An organisation's own wording for one template; without one, the bundled default is used.
public final class MessageTemplateRecord: Model, @unchecked Sendable {
    public static let schema = "message_templates"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "key") public var key: String
    @Field(key: "language") public var language: String
    @Field(key: "channel") public var channel: String
    @Field(key: "subject") public var subject: String
    @Field(key: "body") public var body: String
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}
