import Foundation

// What a payment is recorded, changed, applied or listed with.
// Owned by the services: the API decodes them from its JSON or query string (its wire keys); pages and jobs build them.

struct AllocationInput: Codable, Sendable {
    var invoiceId: UUID?
    var amount: String?
}

struct PaymentInput: Codable, Sendable {
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

struct PaymentUpdate: Codable, Sendable {
    var reference: String?
    var notes: String?
    var method: String?
}

/// Applies a payment's or credit note's remaining credit: explicit `allocations`, or oldest first.
struct ApplyCreditInput: Codable, Sendable {
    var allocations: [AllocationInput]?
}

/// Query string; URL decoding has no key conversion, hence the explicit keys.
struct PaymentListQuery: Codable, Sendable {
    var page: Int?
    var perPage: Int?
    var customerId: UUID?
    var from: String?
    var to: String?
    enum CodingKeys: String, CodingKey { case page, perPage = "per_page", customerId = "customer_id", from, to }
}
