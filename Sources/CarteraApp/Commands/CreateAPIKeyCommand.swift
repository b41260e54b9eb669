import Vapor

/// `cartera create-api-key --name NAME`: prints a new API key once. On a fresh install it also
/// creates the organisation (from --org-name, --currency, --locale, --time-zone).
struct CreateAPIKeyCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "name", help: "A label for the key, e.g. the integration that uses it")
        var name: String?
        @Option(name: "organisation", help: "Organisation id, when there is more than one")
        var organisation: String?
        @Option(name: "org-name", help: "Name of the organisation created on a fresh install")
        var orgName: String?
        @Option(name: "currency", help: "Default currency of a new organisation (ISO 4217)")
        var currency: String?
        @Option(name: "locale", help: "Locale of a new organisation: es-CO, es-CL, es-MX, es-ES, en-US")
        var locale: String?
        @Option(name: "time-zone", help: "IANA time zone of a new organisation")
        var timeZone: String?
        @Option(name: "role", help: "admin (default), collector or viewer")
        var role: String?
    }

    var help: String { "Creates an API key and prints it (shown only once)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let name = (signature.name ?? "default").trimmingCharacters(in: .whitespaces)
        guard APIKeyService.nameLength.contains(name.count) else {
            throw CommandArgumentError(field: "--name", message: "must be 1 to 100 characters")
        }
        var defaults = OrganisationSetup.Defaults()
        if let value = signature.orgName { defaults.name = value }
        if let value = signature.currency { defaults.currency = value }
        if let value = signature.locale { defaults.locale = value }
        if let value = signature.timeZone { defaults.timeZone = value }
        let db = context.application.db
        let organisation = try await OrganisationSetup.resolve(id: signature.organisation, creating: defaults, on: db)
        guard let role = Role(rawValue: signature.role ?? Role.admin.rawValue) else {
            throw CommandArgumentError(field: "--role", message: "must be admin, collector or viewer")
        }
        let service = try await ServiceContext.make(
            db: db, actor: Actor(organisationID: try organisation.requireID(), name: "cli"), app: context.application)
        let created = try await APIKeyService.create(name: name, role: role, in: service)
        // The secret stays the last line: scripts take it with `tail -n 1`.
        context.console.info(
            "API key for \(organisation.name) (\(try organisation.requireID())), revoked with `cartera revoke-api-key --prefix \(created.key.prefix)`:"
        )
        context.console.print(created.secret)
    }
}
