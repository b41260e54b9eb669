import Foundation

// What a message template is saved or previewed with.
// Owned by the services: the API decodes them from its JSON or query string (its wire keys); pages and jobs build them.

struct MessageTemplateInput: Codable, Sendable {
    var subject: String?
    var body: String?
}

struct TemplatePreviewInput: Codable, Sendable {
    var key: String?
    var language: String?
    var channel: String?
    var subject: String?
    var body: String?
    var customerId: UUID?
}
