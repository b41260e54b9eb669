import Fluent
import Foundation

/// A provider event already handled: its id is unique, so a replayed or re-delivered event is
/// recognised and never posts a payment twice.
public final class WebhookEvent: Model, @unchecked Sendable {
    public static let schema = "webhook_events"

    @ID(key: .id) public var id: UUID?
    @Field(key: "provider") public var provider: String
    @Field(key: "event_id") public var eventID: String
    @Field(key: "event_type") public var eventType: String
    @OptionalField(key: "payment_id") public var paymentID: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
