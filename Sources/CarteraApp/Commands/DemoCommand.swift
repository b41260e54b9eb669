import Fluent
import Vapor

/// `cartera demo`: loads the demo company into an empty organisation and prints an API key for it.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "seed", help: "Random seed (same seed, same data)")
        var seed: UInt64?
        @Option(name: "customers", help: "Number of customers (default 50)")
        var customers: Int?
        @Option(name: "password", help: "Password of the demo users (default cartera-demo)")
        var password: String?
    }

    var help: String { "Loads a realistic Spanish-language demo company (~50 customers, ~1,000 invoices)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let customers = signature.customers ?? 50
        guard (5...5_000).contains(customers) else {
            throw CommandArgumentError(field: "--customers", message: "must be between 5 and 5000")
        }
        var defaults = OrganisationSetup.Defaults()
        defaults.name = "Distribuidora Andina S.A.S."
        let organisation = try await OrganisationSetup.resolve(id: nil, creating: defaults, on: app.db)
        let organisationID = try organisation.requireID()
        guard try await Invoice.query(on: app.db).filter(\.$organisationID == organisationID).count() == 0 else {
            throw CommandArgumentError(
                field: "demo",
                message:
                    "the organisation already has invoices; load the demo into a new database (CARTERA_SQLITE_PATH=demo.sqlite)"
            )
        }
        let actor = Actor(organisationID: organisationID, name: "cli:demo")
        let started = Date()
        let summary = try await WriteIntent.transaction(on: app.db) { db in
            var context = try await ServiceContext.make(db: db, actor: actor, app: app)
            context.notifiesCustomers = false
            var loader = DemoLoader(seed: signature.seed ?? 20_261_125, context: context)
            loader.customerCount = customers
            return try await loader.load()
        }
        let key = try await APIKeys.create(name: "demo", organisationID: organisationID, on: app.db)
        let password = signature.password ?? Self.defaultPassword
        let users = try await DemoUsers.create(
            password: password, organisation: organisation, on: app.db, passwordCost: app.passwordCost)
        let history = try await WriteIntent.transaction(on: app.db) { db in
            var context = try await ServiceContext.make(db: db, actor: actor, app: app)
            context.notifiesCustomers = false
            return try await DemoHistory.create(in: context)
        }
        let activity = try await WriteIntent.transaction(on: app.db) { db in
            try await DemoActivity.create(in: try await ServiceContext.make(db: db, actor: actor, app: app))
        }
        context.console.info(
            "Loaded \(summary.customers) customers, \(summary.invoices) invoices, \(summary.payments) payments, \(summary.creditNotes) credit notes in \(String(format: "%.1f", Date().timeIntervalSince(started))) s."
        )
        context.console.info(
            "History: \(history.promises) promises, \(history.disputes) disputes, \(history.plans) payment plan, "
                + "a bank statement of \(history.statementLines) lines.")
        context.console.info("Queued \(activity.messages) messages and \(activity.tasks) tasks for today's work.")
        // The last thing on the screen, framed: where to go, who to be, and the key (alone on its line).
        let rule = String(repeating: "━", count: 64)
        context.console.print(rule)
        context.console.success("\(organisation.name) is ready. Start the server (cartera serve) and open /login")
        context.console.print("Sign in with the password \(password) as:")
        for user in users { context.console.print("  \(user.email)") }
        context.console.print("API key (Authorization: Bearer …), shown only now:")
        context.console.print(key.secret)
        context.console.print(rule)
    }

    static let defaultPassword = "cartera-demo"
}
