import Foundation

/// The settings pages (admins): the organisation and how to pay, reminders and holidays, reference
/// rates, people and API keys, and the forms posted from them.
extension AppURL {
    static let settings = "/settings"
    static let settingsPayment = "/settings/payment"
    static let settingsBankAccounts = "/settings/bank-accounts"
    static let settingsReminders = "/settings/reminders"
    static let settingsHolidays = "/settings/holidays"
    static let settingsHolidaysRemove = "/settings/holidays/remove"
    static let settingsRates = "/settings/rates"
    static let people = "/settings/people"
    static let apiKeys = "/settings/api-keys"

    /// Removes the account at `index` (its place in the organisation's list).
    static func settingsBankAccountRemove(_ index: Int) -> String { path("settings", "bank-accounts", index, "remove") }

    static func user(_ id: UUID) -> String { path("settings", "people", id) }
    static func userPassword(_ id: UUID) -> String { path("settings", "people", id, "password") }
    static func userSignOut(_ id: UUID) -> String { path("settings", "people", id, "sign-out") }

    static func apiKeyRevoke(_ id: UUID) -> String { path("settings", "api-keys", id, "revoke") }
}
