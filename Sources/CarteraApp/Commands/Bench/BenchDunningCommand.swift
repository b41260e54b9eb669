import CarteraCore
import Fluent
import Foundation
import Vapor

/// `cartera bench-dunning --invoices 10000`: builds a synthetic ledger in the configured database
/// (use a scratch one: CARTERA_SQLITE_PATH=bench.sqlite) and times the dunning dry run, the
/// "what would be sent today" question, which must answer in under a second for 10,000 invoices.
struct BenchDunningCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "invoices", help: "Open invoices to generate (default 10000)")
        var invoices: Int?
        @Option(name: "runs", help: "Timed runs (default 5); the median is reported")
        var runs: Int?
    }

    var help: String { "Times the dunning dry run on a generated ledger (benchmark, not a test)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let count = signature.invoices ?? 10_000
        let runs = signature.runs ?? 5
        guard (100...2_000_000).contains(count) else {
            throw CommandArgumentError(field: "--invoices", message: "must be between 100 and 2000000")
        }
        guard (1...50).contains(runs) else {
            throw CommandArgumentError(field: "--runs", message: "must be between 1 and 50")
        }
        let serviceContext = try await SyntheticLedger.scratchOrganisation(app: app, command: "bench-dunning")
        let organisation = serviceContext.organisation
        let today = serviceContext.today
        let generated = Date()
        try await SyntheticLedger.generate(
            invoices: count, organisationID: try organisation.requireID(), today: today, on: app.db)
        context.console.print(
            "Generated \(count) open invoices in \(String(format: "%.1f", Date().timeIntervalSince(generated))) s")

        var timings: [Double] = []
        var planned = 0
        for _ in 0..<runs {
            let started = DispatchTime.now()
            let report = try await DunningRun.run(on: today, dryRun: true, in: serviceContext)
            timings.append(Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6)
            planned = report.planned.reduce(0) { $0 + $1.invoiceIds.count }
        }
        timings.sort()
        context.console.print(
            "dunning dry run, \(count) invoices, \(planned) reminders due today: median \(String(format: "%.1f", timings[timings.count / 2])) ms, best \(String(format: "%.1f", timings[0])) ms over \(runs) runs"
        )
    }
}

/// Bulk-inserted invoices for benchmarks: many customers with a billing contact, due dates spread
/// from four months ago to a month ahead, and some reminder history.
enum SyntheticLedger {
    /// A benchmark organisation in an empty (scratch) database, and a context acting for it.
    static func scratchOrganisation(app: Application, command: String) async throws -> ServiceContext {
        guard try await Invoice.query(on: app.db).count() == 0 else {
            throw CommandArgumentError(
                field: command, message: "needs an empty database; set CARTERA_SQLITE_PATH to a new file")
        }
        var defaults = OrganisationSetup.Defaults()
        defaults.name = "Benchmark S.A.S."
        let organisation = try await OrganisationSetup.create(defaults, on: app.db)
        return try await ServiceContext.make(
            db: app.db, actor: Actor(organisationID: try organisation.requireID(), name: "bench"), app: app)
    }

    /// The organisation an earlier `bench` run generated in this database.
    static func existingOrganisation(app: Application, command: String) async throws -> ServiceContext {
        guard let organisation = try await Organisation.query(on: app.db).filter(\.$name == "Benchmark S.A.S.").first()
        else {
            throw CommandArgumentError(
                field: "--reuse", message: "no benchmark ledger in this database; run \(command) without --reuse first")
        }
        return try await ServiceContext.make(
            db: app.db, actor: Actor(organisationID: try organisation.requireID(), name: "bench"), app: app)
    }

    static func generate(
        invoices count: Int, organisationID: UUID, today: LocalDate, withHistory: Bool = true, on db: any Database
    ) async throws {
        var rng = SeededGenerator(seed: 7)
        let customers: [Customer] = (0..<max(1, count / 10)).map { index in
            let customer = Customer()
            customer.id = UUID.random()
            customer.organisationID = organisationID
            customer.legalName = "Cliente \(index) S.A.S."
            customer.paymentTerms = "net30"
            customer.currency = "COP"
            customer.language = "es"
            customer.notes = ""
            customer.tags = []
            customer.doNotContact = index % 50 == 0
            customer.reminderKindsOff = ""
            customer.bankAccounts = ""
            return customer
        }
        for chunk in stride(from: 0, to: customers.count, by: 500) {
            try await Array(customers[chunk..<min(chunk + 500, customers.count)]).create(on: db)
        }
        let contacts: [Contact] = customers.map { customer in
            let contact = Contact()
            contact.$customer.id = customer.id!
            contact.name = "Tesorería"
            contact.role = .billing
            contact.email = "tesoreria@\(customer.id!.uuidString.prefix(8)).example"
            return contact
        }
        for chunk in stride(from: 0, to: contacts.count, by: 500) {
            try await Array(contacts[chunk..<min(chunk + 500, contacts.count)]).create(on: db)
        }
        var batch: [Invoice] = []
        var history: [ReminderDelivery] = []
        for index in 0..<count {
            let due = today.addingClamped(days: Int.random(in: -120...30, using: &rng))
            let invoice = Invoice()
            invoice.id = UUID.random()
            invoice.organisationID = organisationID
            invoice.$customer.id = customers[index % customers.count].id!
            invoice.number = "B-\(index)"
            invoice.issueDate = due.addingClamped(days: -30).iso
            invoice.dueDate = due.iso
            invoice.paymentTerms = "net30"
            invoice.currency = "COP"
            invoice.totalMinor = Int64.random(in: 10_000_00...50_000_000_00, using: &rng)
            invoice.settledMinor = 0
            invoice.balanceMinor = invoice.totalMinor
            invoice.status = .open
            invoice.notes = ""
            batch.append(invoice)
            // Invoices well past due have had their first reminders already.
            for step in CollectionPolicy.standard.steps
            where withHistory && step.scheduledDate(dueDate: due) < today.addingClamped(days: -3) {
                let delivery = ReminderDelivery()
                delivery.organisationID = organisationID
                delivery.$invoice.id = invoice.id!
                delivery.stepKey = step.key
                delivery.runOn = step.scheduledDate(dueDate: due).iso
                history.append(delivery)
            }
            if batch.count == 1_000 {
                try await batch.create(on: db)
                batch.removeAll()
                // Written as the invoices go, so a million invoices never hold their history in memory.
                for chunk in stride(from: 0, to: history.count, by: 1_000) {
                    try await Array(history[chunk..<min(chunk + 1_000, history.count)]).create(on: db)
                }
                history.removeAll()
            }
        }
        if !batch.isEmpty { try await batch.create(on: db) }
        for chunk in stride(from: 0, to: history.count, by: 1_000) {
            try await Array(history[chunk..<min(chunk + 1_000, history.count)]).create(on: db)
        }
    }
}
