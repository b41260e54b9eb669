import Foundation

// What an invoice is created, changed or listed with.
// Owned by the services: the API decodes them from its JSON or query string (its wire keys); pages and jobs build them.

struct InvoiceLineInput: Codable, Sendable {
    var description: String?
    var quantity: String?
    var unitPrice: String?
}

/// Body of POST and PATCH on invoices. Give either `lines` or `total`.
struct InvoiceInput: Codable, Sendable {
    var customerId: UUID?
    var number: String?
    var issueDate: String?
    var dueDate: String?
    var paymentTerms: String?
    var currency: String?
    var total: String?
    var lines: [InvoiceLineInput]?
    var externalReference: String?
    var notes: String?
    /// "open" (default) or "draft".
    var status: String?
}

/// Query string; URL decoding has no key conversion, hence the explicit keys.
struct InvoiceListQuery: Codable, Sendable {
    var page: Int?
    var perPage: Int?
    var status: String?
    var customerId: UUID?
    var currency: String?
    var overdue: Bool?
    var dueFrom: String?
    var dueTo: String?
    enum CodingKeys: String, CodingKey {
        case page, perPage = "per_page", status, customerId = "customer_id", currency, overdue, dueFrom = "due_from",
            dueTo = "due_to"
    }
}
