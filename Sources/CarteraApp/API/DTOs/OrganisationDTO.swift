import Vapor

struct OrganisationDTO: Content {
    let id: UUID
    let name: String
    let defaultCurrency: String
    let locale: String
    let timeZone: String

    init(_ organisation: Organisation) throws {
        id = try organisation.requireID()
        name = organisation.name
        defaultCurrency = organisation.defaultCurrency
        locale = organisation.locale
        timeZone = organisation.timeZone
    }
}

struct OrganisationUpdate: Content {
    var name: String?
    var defaultCurrency: String?
    var locale: String?
    var timeZone: String?
}
