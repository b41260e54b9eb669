import Fluent
import Foundation

public enum CollectionTaskKind: String, Codable, Sendable, CaseIterable {
    case call, letter, followUp = "follow_up"
}

public enum CollectionTaskStatus: String, Codable, Sendable, CaseIterable {
    case open, done, cancelled
}

/// Work for a person: make a call, print and post a letter.
public final class CollectionTask: Model, @unchecked Sendable {
    public static let schema = "collection_tasks"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Parent(key: "customer_id") public var customer: Customer
    @Field(key: "kind") public var kind: CollectionTaskKind
    @Field(key: "title") public var title: String
    @Field(key: "due_on") public var dueOn: String
    @Field(key: "status") public var status: CollectionTaskStatus
    @Field(key: "dedupe_key") public var dedupeKey: String
    /// Comma-separated ids of the invoices the task is about.
    @Field(key: "invoice_ids") public var invoiceIDs: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "completed_at") public var completedAt: Date?

    public init() {}
}
