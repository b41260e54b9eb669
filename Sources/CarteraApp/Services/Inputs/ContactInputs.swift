import Foundation

// What a contact is created or changed with.
// Owned by the services: the API decodes them from its JSON or query string (its wire keys); pages and jobs build them.

struct ContactInput: Codable, Sendable {
    var name: String?
    var role: String?
    var email: String?
    var phone: String?
    /// What the contact said per channel ("email", "sms", "letter", "call") → "authorised", "not_asked"
    /// or "opted_out"; channels left out keep what they had (nothing recorded: authorised).
    var consent: [String: String]?
}
