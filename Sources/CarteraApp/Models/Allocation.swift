import CarteraCore
import Fluent
import Foundation

/// One amount that settles part of an invoice: from a payment, a credit note, a write-off or a discount.
/// Invoice balances are derived from these rows.
public final class Allocation: Model, @unchecked Sendable {
    public static let schema = "allocations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Parent(key: "invoice_id") public var invoice: Invoice
    @Field(key: "kind") public var kind: InvoiceSettlement.Kind
    @OptionalParent(key: "payment_id") public var payment: Payment?
    @OptionalParent(key: "credit_note_id") public var creditNote: CreditNote?
    @Field(key: "amount_minor") public var amountMinor: Int64
    /// For an early-payment discount: the payment that earned it, so reversing that payment takes it back.
    @OptionalField(key: "earned_by_payment_id") public var earnedByPaymentID: UUID?
    @Field(key: "applied_on") public var appliedOn: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
