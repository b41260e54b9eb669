import CarteraCore
import Fluent
import Foundation

/// Money a customer has that can settle invoices: a payment or a credit note. Both are applied,
/// listed and kept in balance the same way; this is what they share.
protocol CreditSource: Model where IDValue == UUID {
    var amountMinor: Int64 { get }
    var allocatedMinor: Int64 { get set }
    var currency: String { get }
    var customerID: UUID { get }
    static var settlementKind: InvoiceSettlement.Kind { get }
    /// The column of `allocations` pointing at this kind of source.
    static var allocationColumn: FieldKey { get }
    static var entityName: String { get }
    /// What is left to apply, in minor units: nothing for a reversed payment.
    var unappliedMinor: Int64 { get }
}

extension CreditSource {
    /// What is left to apply: the customer's credit from this source.
    var remaining: Money {
        get throws { Money(minorUnits: unappliedMinor, currency: try Currency(code: currency)) }
    }
}

extension Payment: CreditSource {
    var customerID: UUID { $customer.id }
    static let settlementKind = InvoiceSettlement.Kind.payment
    static let allocationColumn: FieldKey = "payment_id"
    static let entityName = "payment"
    var unappliedMinor: Int64 { reversedOn == nil ? amountMinor - allocatedMinor : 0 }
}

extension CreditNote: CreditSource {
    var customerID: UUID { $customer.id }
    static let settlementKind = InvoiceSettlement.Kind.creditNote
    static let allocationColumn: FieldKey = "credit_note_id"
    static let entityName = "credit_note"
    var unappliedMinor: Int64 { amountMinor - allocatedMinor }
}
