import Foundation

// What the organisation's settings are changed with: owned by the services, decoded straight from the API's JSON or query string
// (the wire keys are the API's), and built by pages, commands and jobs.

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
