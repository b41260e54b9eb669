import Fluent
import Vapor

extension BackgroundJobs {
    /// Each organisation's summaries brought to its today (the day's pass after midnight, then
    /// whatever a bulk import left marked), so the first person of the day does not wait for it.
    static func refreshSummaries(app: Application) async throws {
        for organisation in try await Organisation.query(on: app.db).all() {
            let context = try await ServiceContext.make(
                db: app.db, actor: Actor(organisationID: try organisation.requireID(), name: actorName), app: app)
            try await CustomerSummaries.current(in: context)
        }
    }
}
