import Vapor

struct OrganisationDTO: Content {
    let id: UUID
    let name: String
    let defaultCurrency: String
    let locale: String
    let timeZone: String
    let reminderKinds: [String]
    let summaryFrequency: String
    let workingWeekdays: [Int]
    let holidays: [String]
    let paymentInstructions: String
    let replyToEmail: String?

    init(_ organisation: Organisation) throws {
        id = try organisation.requireID()
        name = organisation.name
        defaultCurrency = organisation.defaultCurrency
        locale = organisation.locale
        timeZone = organisation.timeZone
        reminderKinds = organisation.reminderKinds.split(separator: ",").map(String.init)
        summaryFrequency = organisation.summaryFrequency.rawValue
        workingWeekdays = organisation.workingWeekdays.split(separator: ",").compactMap { Int($0) }
        holidays = organisation.holidays.split(separator: ",").map(String.init)
        paymentInstructions = organisation.paymentInstructions
        replyToEmail = organisation.replyToEmail
    }
}

struct OrganisationUpdate: Content {
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
}
