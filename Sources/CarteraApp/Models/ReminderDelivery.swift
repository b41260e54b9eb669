import Fluent
import Foundation

/// Records that an invoice had a policy step. Unique per (invoice, step).
public final class ReminderDelivery: Model, @unchecked Sendable {
    public static let schema = "reminder_deliveries"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Parent(key: "invoice_id") public var invoice: Invoice
    @Field(key: "step_key") public var stepKey: String
    @OptionalParent(key: "outbox_message_id") public var message: OutboxMessage?
    @OptionalField(key: "task_id") public var taskID: UUID?
    @Field(key: "run_on") public var runOn: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
