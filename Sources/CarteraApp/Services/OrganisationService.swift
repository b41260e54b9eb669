import CarteraCore
import Fluent
import Foundation

enum OrganisationService {
    static let supportedLocales = ["es-CO", "es-CL", "es-MX", "es-ES", "en-US"]

    static func update(_ input: OrganisationUpdate, in context: ServiceContext) async throws -> Organisation {
        let organisation = context.organisation
        var changes: [String: String] = [:]
        if let name = input.name {
            organisation.name = try FieldParser.text(name, "name", maxLength: 200)
            changes["name"] = organisation.name
        }
        if let currency = input.defaultCurrency {
            organisation.defaultCurrency = try FieldParser.currency(currency, "default_currency").code
            changes["default_currency"] = organisation.defaultCurrency
        }
        if let locale = input.locale {
            guard supportedLocales.contains(locale) else {
                throw APIError.invalid("locale", "locale must be one of: \(supportedLocales.joined(separator: ", "))")
            }
            organisation.locale = locale
            changes["locale"] = locale
        }
        if let zone = input.timeZone {
            organisation.timeZone = try FieldParser.timeZone(zone, "time_zone").identifier
            changes["time_zone"] = organisation.timeZone
        }
        let recordedChanges = changes
        return try await context.transaction { tx in
            try await organisation.save(on: tx.db)
            try await AuditLog.record("organisation.updated", entityType: "organisation", entityID: try organisation.requireID(), details: recordedChanges, in: tx)
            return organisation
        }
    }
}
