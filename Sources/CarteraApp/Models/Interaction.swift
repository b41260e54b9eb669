import Fluent
import Foundation

public enum InteractionKind: String, Codable, Sendable, CaseIterable {
    case call, note
}

/// What came of a call; it decides what happens next (see `CallService`).
public enum CallOutcome: String, Codable, Sendable, CaseIterable {
    case reached
    case noAnswer = "no_answer"
    case wrongNumber = "wrong_number"
    case promise
    case dispute
    case refused
}

/// A call made or a note written by a collector: the human part of the customer's timeline.
public final class Interaction: Model, @unchecked Sendable {
    public static let schema = "interactions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Parent(key: "customer_id") public var customer: Customer
    @OptionalField(key: "contact_id") public var contactID: UUID?
    @Field(key: "kind") public var kind: InteractionKind
    @OptionalField(key: "outcome") public var outcome: CallOutcome?
    @Field(key: "note") public var note: String
    @OptionalField(key: "follow_up_on") public var followUpOn: String?
    /// The promise or dispute the call produced, if any.
    @OptionalField(key: "promise_id") public var promiseID: UUID?
    @OptionalField(key: "dispute_id") public var disputeID: UUID?
    @Field(key: "author") public var author: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
