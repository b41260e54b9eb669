import CarteraCore
import Fluent
import Foundation

/// What every service call needs: the database (or the transaction), who acts, for which
/// organisation, and the clock that says what "today" is in the organisation's time zone.
struct ServiceContext: Sendable {
    let db: any Database
    let actor: Actor
    let organisation: Organisation
    let clock: any AppClock

    var organisationID: UUID { actor.organisationID }

    var timeZone: TimeZone { TimeZone(identifier: organisation.timeZone) ?? TimeZone(identifier: "UTC")! }

    var today: LocalDate { LocalDate.today(at: clock.now(), in: timeZone) }

    func with(db: any Database) -> ServiceContext {
        ServiceContext(db: db, actor: actor, organisation: organisation, clock: clock)
    }

    /// Runs `work` in one transaction, so a change and its audit record land together or not at all.
    func transaction<T: Sendable>(_ work: @escaping @Sendable (ServiceContext) async throws -> T) async throws -> T {
        try await db.transaction { tx in try await work(self.with(db: tx)) }
    }

    static func make(db: any Database, actor: Actor, clock: any AppClock) async throws -> ServiceContext {
        guard let organisation = try await Organisation.find(actor.organisationID, on: db) else {
            throw APIError.notFound("organisation")
        }
        return ServiceContext(db: db, actor: actor, organisation: organisation, clock: clock)
    }
}
