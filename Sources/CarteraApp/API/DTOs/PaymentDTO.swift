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

struct AllocationInput: Content {
    var invoiceId: UUID?
    var amount: String?
}

struct PaymentInput: Content {
    var customerId: UUID?
    var receivedOn: String?
    var amount: String?
    var currency: String?
    var method: String?
    var reference: String?
    var notes: String?
    /// Explicit allocations; when absent the payment settles the oldest open invoices first
    /// unless `auto_allocate` is false.
    var allocations: [AllocationInput]?
    var autoAllocate: Bool?
}

struct PaymentUpdate: Content {
    var reference: String?
    var notes: String?
    var method: String?
}

/// Applies a payment's or credit note's remaining credit: explicit `allocations`, or oldest first.
struct ApplyCreditInput: Content {
    var allocations: [AllocationInput]?
}

/// Query string; URL decoding has no key conversion, hence the explicit keys.
struct PaymentListQuery: Content {
    var page: Int?
    var perPage: Int?
    var customerId: UUID?
    var from: String?
    var to: String?
    enum CodingKeys: String, CodingKey { case page, perPage = "per_page", customerId = "customer_id", from, to }
}
