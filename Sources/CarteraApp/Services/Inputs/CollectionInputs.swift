import Foundation

// What disputes and promises to pay are opened and resolved with.
// Owned by the services: the API decodes them from its JSON or query string (its wire keys); pages and jobs build them.

struct DisputeInput: Codable, Sendable {
    var reason: String?
    /// What the customer contests; the invoice's balance when omitted.
    var amount: String?
}

struct DisputeResolution: Codable, Sendable {
    /// credit_note, corrected or rejected.
    var resolution: String?
    var note: String?
    /// With credit_note: the note's number and amount (the disputed amount when omitted).
    var creditNoteNumber: String?
    var creditAmount: String?
}

struct PromiseInput: Codable, Sendable {
    var promisedOn: String?
    var amount: String?
    var currency: String?
    var note: String?
    var invoiceIds: [UUID]?
}
