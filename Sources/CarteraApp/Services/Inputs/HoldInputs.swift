import Foundation

// What a person pauses reminders with: one invoice by hand, or one customer for one run.
// Owned by the services: the API decodes them from its JSON (its wire keys); pages build them.

struct ManualHoldInput: Codable, Sendable {
    /// Why (shown on the invoice page), up to 500 characters.
    var reason: String?
    /// The last day of the pause (ISO date, today or later); reminders resume the day after.
    var until: String?
}

struct SkipInput: Codable, Sendable {
    var customerId: UUID?
    /// The run day skipped (ISO date); today when omitted.
    var date: String?
}
