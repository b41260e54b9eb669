import Foundation

// What the organisation's settings are changed with.
// Owned by the services: the API decodes them from its JSON or query string (its wire keys); pages and jobs build them.

struct OrganisationUpdate: Codable, Sendable {
    var name: String?
    var defaultCurrency: String?
    var locale: String?
    var timeZone: String?
    var reminderKinds: [String]?
    /// The event kinds ("new_invoice", "payment_received") sent in the customer's message of the day;
    /// the list replaces the stored one (empty: every event kind as soon as allowed).
    var digestKinds: [String]?
    var summaryFrequency: String?
    var workingWeekdays: [Int]?
    var holidays: [String]?
    var paymentInstructions: String?
    var replyToEmail: String?
    /// The name and address emails go out from; empty goes back to the organisation's name and the server's.
    var senderName: String?
    var senderEmail: String?
    /// The local hour reminders go out from, 0 to 23.
    var reminderHour: Int?
    /// The day collections started (ISO date); empty: unset, so the next daily pass or import sets it.
    var collectionsStart: String?
    /// The accounts customers pay into; the list replaces the stored one (empty removes them all).
    var bankAccounts: [BankAccountInput]?
    /// 0 switches the automatic hold off.
    var creditHoldDaysOverdue: Int?
    var referenceRates: String?
    var lateFeePolicy: String?
    var lateFeeAmount: String?
    var lateInterestRate: String?
    /// An empty string removes the cap.
    var legalMaximumRate: String?
    /// 1 to 365.
    var portalPromiseMaxDays: Int?
    /// A percentage from "0" to "100", up to two decimals.
    var portalPromiseMinimumShare: String?
    /// The letterhead and signer of posted letters.
    var letterhead: LetterheadInput?
    /// Working days a bank statement may be old before the safety check acts, 1 to 60.
    var statementStaleDays: Int?
    /// "hold" or "warn": what an old statement does.
    var statementStaleMode: String?
    /// The day reminders go out again (ISO date after today); empty resumes now.
    var pausedUntil: String?
    /// The morning email of what the run sends and holds, to collectors and admins.
    var outgoingDigest: Bool?
}

/// One bank account as sent: `account_type` is "savings" or "checking".
struct BankAccountInput: Codable, Sendable {
    var bank: String?
    var accountType: String?
    var number: String?
    var holder: String?
    var taxId: String?
}
