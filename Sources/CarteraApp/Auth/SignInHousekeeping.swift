import Fluent
import Foundation
import Vapor

extension BackgroundJobs {
    /// Ended sessions, sign-in tries out of the throttle's window and expired setup codes: deleted on
    /// every pass (each an indexed DELETE of what nobody can use any more).
    static func purgeSignInRecords(app: Application) async throws {
        let now = app.clock.now()
        try await WebSessions.purge(now: now, on: app.db)
        try await LoginThrottle.purge(before: now, on: app.db)
        try await SetupCode.query(on: app.db).filter(\.$expiresAt < now).delete()
    }
}
