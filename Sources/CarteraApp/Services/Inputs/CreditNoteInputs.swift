import Foundation

// What a credit note is issued, changed or listed with.
// Owned by the services: the API decodes them from its JSON or query string (its wire keys); pages and jobs build them.

struct CreditNoteInput: Codable, Sendable {
    var customerId: UUID?
    var number: String?
    var issuedOn: String?
    var amount: String?
    var currency: String?
    var reason: String?
    /// The invoice this note corrects; as much as its balance allows is applied to it.
    var invoiceId: UUID?
}

struct CreditNoteUpdate: Codable, Sendable {
    var reason: String?
}

/// Query string; URL decoding has no key conversion, hence the explicit keys.
struct CreditNoteListQuery: Codable, Sendable {
    var page: Int?
    var perPage: Int?
    var customerId: UUID?
    enum CodingKeys: String, CodingKey { case page, perPage = "per_page", customerId = "customer_id" }
}
