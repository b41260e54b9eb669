import CarteraCore
import Fluent
import Foundation

public enum OutboxStatus: String, Codable, Sendable, CaseIterable {
    /// Waiting for the delivery worker (or for its next retry).
    case pending
    /// Claimed by a worker until `claimed_until`. If the worker died before handing the message to
    /// the transport it is taken again; if it died after, it is marked failed (never resent blindly).
    case sending
    case sent
    /// Gave up after the last retry; can be retried by hand.
    case failed
    case cancelled
    /// Letters: rendered and ready to print; nothing is transmitted.
    case ready
    /// Letters: printed and handed to the post; `sent_at` is when someone marked it so.
    case posted
}

/// A message to a customer: rendered once when queued, kept with its status for the timeline.
public final class OutboxMessage: Model, @unchecked Sendable {
    public static let schema = "outbox_messages"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Parent(key: "customer_id") public var customer: Customer
    @Field(key: "kind") public var kind: ReminderKind
    @Field(key: "channel") public var channel: ReminderChannel
    @Field(key: "tone") public var tone: ReminderTone
    /// Unique: what makes a second queueing of the same message impossible.
    @Field(key: "dedupe_key") public var dedupeKey: String
    @Field(key: "recipient_name") public var recipientName: String
    @Field(key: "recipient_address") public var recipientAddress: String
    @Field(key: "subject") public var subject: String
    @Field(key: "body_text") public var bodyText: String
    @Field(key: "body_html") public var bodyHTML: String
    /// The RFC 5322 Message-ID, fixed at queueing so that a resend after a crash is recognisable.
    @Field(key: "rfc_message_id") public var rfcMessageID: String
    @Field(key: "status") public var status: OutboxStatus
    @Field(key: "attempts") public var attempts: Int
    @Field(key: "next_attempt_at") public var nextAttemptAt: Date
    @OptionalField(key: "claimed_by") public var claimedBy: String?
    @OptionalField(key: "claimed_until") public var claimedUntil: Date?
    @OptionalField(key: "last_error") public var lastError: String?
    /// Set just before the message goes to the transport: from then on it may have been sent.
    @OptionalField(key: "delivery_started_at") public var deliveryStartedAt: Date?
    @Field(key: "scheduled_on") public var scheduledOn: String
    @OptionalField(key: "sent_at") public var sentAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
