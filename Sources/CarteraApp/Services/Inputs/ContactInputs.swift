import Foundation

// What a contact is created or changed with: owned by the services, decoded straight from the API's JSON or query string
// (the wire keys are the API's), and built by pages, commands and jobs.

struct ContactInput: Codable, Sendable {
    var name: String?
    var role: String?
    var email: String?
    var phone: String?
}
