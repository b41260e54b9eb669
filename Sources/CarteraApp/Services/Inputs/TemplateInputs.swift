import Foundation

// What a message template is saved or previewed with: owned by the services, decoded straight from the API's JSON or query string
// (the wire keys are the API's), and built by pages, commands and jobs.

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
