import CarteraCore
import Fluent
import Foundation

/// Money received from a customer. What is not allocated to invoices stays as customer credit;
/// `allocatedMinor` is derived from the allocations in the same transaction that changes them.
public final class Payment: Model, @unchecked Sendable {
    public static let schema = "payments"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Parent(key: "customer_id") public var customer: Customer
    @Field(key: "received_on") public var receivedOn: String
    @Field(key: "currency") public var currency: String
    @Field(key: "amount_minor") public var amountMinor: Int64
    @Field(key: "allocated_minor") public var allocatedMinor: Int64
    @Field(key: "method") public var method: PaymentMethod
    @OptionalField(key: "reference") public var reference: String?
    @Field(key: "notes") public var notes: String
    /// Set when the money came back (a bounced check): its allocations are gone and it is no credit.
    @OptionalField(key: "reversed_on") public var reversedOn: String?
    @OptionalField(key: "reversal_reason") public var reversalReason: String?
    /// The thank-you that names this payment: one per customer and send window, naming every
    /// payment received meanwhile (`EventReminders.paymentReceived`).
    @OptionalField(key: "thanked_in_message_id") public var thankedInMessageID: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}
