import CarteraCore
import Fluent
import Foundation

/// Finds the organisation a command works on, creating the first one on a fresh install.
enum OrganisationSetup {
    struct Defaults {
        var name = "Mi Empresa S.A.S."
        var currency = "COP"
        var locale = SupportedLocale.esCO.rawValue
        var timeZone = "America/Bogota"
    }

    static func resolve(id: String?, creating defaults: Defaults, on db: any Database) async throws -> Organisation {
        if let id {
            guard let uuid = UUID(uuidString: id), let organisation = try await Organisation.find(uuid, on: db) else {
                throw CommandArgumentError(field: "--organisation", message: "no organisation with id \(id)")
            }
            return organisation
        }
        let existing = try await Organisation.query(on: db).sort(\.$createdAt).all()
        if existing.count > 1 {
            throw CommandArgumentError(
                field: "--organisation",
                message: "there are \(existing.count) organisations; name one with --organisation <id>")
        }
        if let only = existing.first { return only }
        return try await create(defaults, on: db)
    }

    static func create(_ defaults: Defaults, on db: any Database) async throws -> Organisation {
        let currency = try FieldParser.currency(defaults.currency, "--currency").code
        guard SupportedLocale(rawValue: defaults.locale) != nil else {
            throw CommandArgumentError(field: "--locale", message: "must be one of \(SupportedLocale.identifiers)")
        }
        guard TimeZone(identifier: defaults.timeZone) != nil else {
            throw CommandArgumentError(field: "--time-zone", message: "unknown time zone \(defaults.timeZone)")
        }
        let organisation = Organisation(
            name: defaults.name, defaultCurrency: currency, locale: defaults.locale, timeZone: defaults.timeZone)
        try await organisation.create(on: db)
        return organisation
    }
}

/// A command failure that names the argument at fault; the process exits non-zero.
struct CommandArgumentError: Error, CustomStringConvertible {
    let field: String
    let message: String
    var description: String { "\(field): \(message)" }
}
