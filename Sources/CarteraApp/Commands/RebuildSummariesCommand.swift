import Fluent
import Foundation
import Vapor

/// `cartera rebuild-summaries`: recomputes every customer's account summary (and the reports' ledger
/// changes, `LedgerChanges`) from the ledger, for
/// each organisation (or the one named), and says how many it wrote and how long it took. Safe while
/// servers run: it takes the same lock as every other summary writer.
struct RebuildSummariesCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "organisation", help: "Only this organisation (its id)")
        var organisation: String?
    }

    var help: String { "Recomputes the per-customer account summaries from the ledger." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        var organisations: [ServiceContext] = []
        if let id = signature.organisation {
            organisations = [try await context.serviceContext(organisation: id)]
        } else {
            for organisation in try await Organisation.query(on: app.db).all() {
                organisations.append(
                    try await ServiceContext.make(
                        db: app.db, actor: Actor(organisationID: try organisation.requireID(), name: "cli"), app: app))
            }
        }
        for service in organisations {
            let started = Date()
            try await WriteIntent.transaction(on: app.db) { tx in
                try await LedgerChanges.recompute(
                    organisationID: service.organisationID, on: try tx.sql, dialect: try tx.dialect)
                try await CustomerSummaries.rebuild(
                    in: service.with(db: tx), today: CustomerSummaries.today(service))
            }
            let rows = try await CustomerSummaries.count(organisationID: service.organisationID, on: app.db)
            context.console.print(
                "\(service.organisation.name): \(rows) customer summaries in \(Int(Date().timeIntervalSince(started) * 1000)) ms"
            )
        }
    }
}
