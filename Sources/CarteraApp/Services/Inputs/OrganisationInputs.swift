import Foundation

// What the organisation's settings are changed with.
// Owned by the services: the API decodes them from its JSON or query string (its wire keys); pages and jobs build them.

struct OrganisationUpdate: Codable, Sendable {
    var name: String?
    var defaultCurrency: String?
    var locale: String?
    var timeZone: String?
    var reminderKinds: [String]?
    var summaryFrequency: String?
    var workingWeekdays: [Int]?
    var holidays: [String]?
    var paymentInstructions: String?
    var replyToEmail: String?
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
}
