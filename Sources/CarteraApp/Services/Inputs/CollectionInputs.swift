import Foundation

// What disputes and promises to pay are opened and resolved with: owned by the services, decoded straight from the API's JSON or query string
// (the wire keys are the API's), and built by pages, commands and jobs.

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
