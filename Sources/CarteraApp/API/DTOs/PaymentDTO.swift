import CarteraCore
import Vapor

struct AllocationDTO: Content {
    let invoiceId: UUID
    let kind: String
    let amount: String
    let appliedOn: String

    init(_ allocation: Allocation, currency: Currency) {
        invoiceId = allocation.$invoice.id
        kind = allocation.kind.rawValue
        amount = Money(minorUnits: allocation.amountMinor, currency: currency).decimalString
        appliedOn = allocation.appliedOn
    }
}

struct PaymentDTO: Content {
    let id: UUID
    let customerId: UUID
    let receivedOn: String
    let currency: String
    let amount: String
    let allocated: String
    /// Kept as customer credit until allocated.
    let unallocated: String
    let method: String
    let reference: String?
    let notes: String
    let allocations: [AllocationDTO]
    /// Set when the payment was reversed (a bounced check): it settles nothing any more.
    let reversedOn: String?
    let reversalReason: String?
    let createdAt: Date?

    init(_ payment: Payment, allocations: [Allocation]) throws {
        let currency = try Currency(code: payment.currency)
        id = try payment.requireID()
        customerId = payment.$customer.id
        receivedOn = payment.receivedOn
        self.currency = payment.currency
        amount = Money(minorUnits: payment.amountMinor, currency: currency).decimalString
        allocated = Money(minorUnits: payment.allocatedMinor, currency: currency).decimalString
        unallocated = Money(minorUnits: payment.unappliedMinor, currency: currency).decimalString
        reversedOn = payment.reversedOn
        reversalReason = payment.reversalReason
        method = payment.method.rawValue
        reference = payment.reference
        notes = payment.notes
        self.allocations = allocations.map { AllocationDTO($0, currency: currency) }
        createdAt = payment.createdAt
    }
}
