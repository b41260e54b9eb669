import CarteraCore
import Fluent
import Foundation
import Vapor

/// What every service call needs: the database (or the transaction), who acts, for which
/// organisation, and the clock that says what "today" is in the organisation's time zone.
struct ServiceContext: Sendable {
    private(set) var db: any Database
    let actor: Actor
    let organisation: Organisation
    let clock: any AppClock
    let messaging: Messaging
    /// Where people reach this server, for links in messages ("https://cobranza.example.co").
    var publicURL = "http://127.0.0.1:8080"
    /// Off while loading demo or imported history: nobody should be written to about the past.
    var notifiesCustomers = true

    var organisationID: UUID { actor.organisationID }

    var timeZone: TimeZone { TimeZone(identifier: organisation.timeZone) ?? TimeZone(identifier: "UTC")! }

    /// Set when working "as of" another day (a dunning run for a given date).
    var todayOverride: LocalDate?

    var today: LocalDate { todayOverride ?? LocalDate.today(at: clock.now(), in: timeZone) }

    func asOf(_ date: LocalDate) -> ServiceContext {
        var copy = self
        copy.todayOverride = date
        return copy
    }

    func with(db: any Database) -> ServiceContext {
        var copy = self
        copy.db = db
        return copy
    }

    /// Runs `work` in one transaction, so a change and its audit record land together or not at all,
    /// and the summaries of the customers it changed are rewritten before it commits
    /// (`CustomerSummaries`). `bulk` for one very large transaction (an import): its customers are
    /// summarised by the next reader instead.
    func transaction<T: Sendable>(bulk: Bool = false, _ work: @escaping @Sendable (ServiceContext) async throws -> T)
        async throws -> T
    {
        try await WriteIntent.transaction(on: db, bulk: bulk) { tx in
            let context = self.with(db: tx)
            let result = try await work(context)
            if !bulk { try await CustomerSummaries.refreshMarked(in: context) }
            return result
        }
    }

    static func make(db: any Database, actor: Actor, app: Application) async throws -> ServiceContext {
        guard let organisation = try await Organisation.find(actor.organisationID, on: db) else {
            throw ServiceError.notFound("organisation")
        }
        return ServiceContext(
            db: db, actor: actor, organisation: organisation, clock: app.clock, messaging: app.messaging,
            publicURL: app.publicURL)
    }
}
