import Vapor

/// `cartera create-user --email E --name N --role admin`: the first admin, or anyone after.
/// The password comes from `CARTERA_NEW_USER_PASSWORD` or standard input, never the command line
/// (which other users of the machine can see).
struct CreateUserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "Sign-in email")
        var email: String?
        @Option(name: "name", help: "Full name")
        var name: String?
        @Option(name: "role", help: "admin, collector or viewer (default collector)")
        var role: String?
        @Option(name: "language", help: "es or en (default es)")
        var language: String?
        @Option(name: "organisation", help: "Organisation id, when there is more than one")
        var organisation: String?
    }

    var help: String { "Creates a user who signs in to the web workspace." }

    /// Where the password comes from; tests pass their own.
    var readPassword: @Sendable () -> String? = {
        ProcessInfo.processInfo.environment["CARTERA_NEW_USER_PASSWORD"] ?? readLine(strippingNewline: true)
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let password = readPassword()
        let db = context.application.db
        let organisation = try await OrganisationSetup.resolve(id: signature.organisation, creating: .init(), on: db)
        do {
            let user = try await UserService.create(
                .init(
                    email: signature.email, name: signature.name ?? signature.email, password: password,
                    role: signature.role, language: signature.language),
                organisationID: try organisation.requireID(), passwordCost: context.application.passwordCost, on: db)
            context.console.info("Created \(user.role.rawValue) \(user.email) in \(organisation.name)")
        } catch let error as ServiceError {
            let flag =
                error.field.map { $0 == "password" ? "password (CARTERA_NEW_USER_PASSWORD or stdin)" : "--\($0)" }
                ?? "create-user"
            throw CommandArgumentError(field: flag, message: error.message)
        }
    }
}
