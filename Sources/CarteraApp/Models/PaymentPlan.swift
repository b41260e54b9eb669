import Fluent
import Foundation

public enum PaymentPlanStatus: String, Codable, Sendable, CaseIterable {
    case active, completed, broken, cancelled
}

/// An "acuerdo de pago": part of a customer's open balance paid in instalments. While active,
/// the covered invoices get the plan's instalment reminders instead of the dunning policy.
public final class PaymentPlan: Model, @unchecked Sendable {
    public static let schema = "payment_plans"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Parent(key: "customer_id") public var customer: Customer
    @Field(key: "currency") public var currency: String
    @Field(key: "total_minor") public var totalMinor: Int64
    /// What the covered invoices had already been paid when the plan began; payments above it count.
    @Field(key: "settled_at_start_minor") public var settledAtStartMinor: Int64
    /// Comma-separated ids of the covered invoices.
    @Field(key: "invoice_ids") public var invoiceIDs: String
    @Field(key: "status") public var status: PaymentPlanStatus
    @Field(key: "starts_on") public var startsOn: String
    @Field(key: "note") public var note: String
    @OptionalField(key: "ended_on") public var endedOn: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    @Children(for: \.$plan) public var instalments: [PlanInstalment]

    public init() {}

    var coveredInvoiceIDs: [UUID] { StoredList<UUID>.decode(invoiceIDs) }
}

public final class PlanInstalment: Model, @unchecked Sendable {
    public static let schema = "plan_instalments"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "plan_id") public var plan: PaymentPlan
    @Field(key: "number") public var number: Int
    @Field(key: "due_on") public var dueOn: String
    @Field(key: "amount_minor") public var amountMinor: Int64

    public init() {}
}
