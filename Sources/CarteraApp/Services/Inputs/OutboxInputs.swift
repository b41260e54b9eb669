import Foundation

// What the outbox is listed with: owned by the services, decoded straight from the API's JSON or query string
// (the wire keys are the API's), and built by pages, commands and jobs.

/// Query string; URL decoding has no key conversion, hence the explicit keys.
struct OutboxListQuery: Codable, Sendable {
    var page: Int?
    var perPage: Int?
    var status: String?
    var customerId: UUID?
    enum CodingKeys: String, CodingKey { case page, perPage = "per_page", status, customerId = "customer_id" }
}
