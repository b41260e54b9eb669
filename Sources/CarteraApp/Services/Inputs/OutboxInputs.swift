import Foundation

// What the outbox is listed with.
// Owned by the services: the API decodes them from its JSON or query string (its wire keys); pages and jobs build them.

/// Query string; URL decoding has no key conversion, hence the explicit keys.
struct OutboxListQuery: Codable, Sendable {
    var page: Int?
    var perPage: Int?
    var status: String?
    var customerId: UUID?
    var channel: String?
    /// Queued from this day on and up to that one (inclusive), in the organisation's time zone.
    var from: String?
    var to: String?
    enum CodingKeys: String, CodingKey {
        case page, perPage = "per_page", status, customerId = "customer_id", channel, from, to
    }
}
