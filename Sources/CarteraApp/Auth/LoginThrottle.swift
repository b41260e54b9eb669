import Fluent
import Foundation

/// Slows down password guessing: after 5 failed sign-ins for one email, or 20 from one address,
/// within 15 minutes, further tries are refused until the window passes. Kept in the database
/// so the limit holds across app instances.
struct LoginThrottle: Sendable {
    static let window: TimeInterval = 15 * 60
    static let maximumFailuresPerEmail = 5
    static let maximumFailuresPerAddress = 20

    let db: any Database
    let now: Date

    func isBlocked(email: String, ip: String) async throws -> Bool {
        let since = now.addingTimeInterval(-Self.window)
        let byEmail = try await LoginAttempt.query(on: db).filter(\.$email == email).filter(\.$succeeded == false)
            .filter(\.$attemptedAt >= since).count()
        if byEmail >= Self.maximumFailuresPerEmail { return true }
        let byAddress = try await LoginAttempt.query(on: db).filter(\.$ip == ip).filter(\.$succeeded == false)
            .filter(\.$attemptedAt >= since).count()
        return byAddress >= Self.maximumFailuresPerAddress
    }

    func record(email: String, ip: String, succeeded: Bool) async throws {
        let attempt = LoginAttempt()
        attempt.email = email
        attempt.ip = ip
        attempt.succeeded = succeeded
        attempt.attemptedAt = now
        try await attempt.create(on: db)
        // A success clears the email's failures, so a person who finally remembers is not locked out later.
        if succeeded {
            try await LoginAttempt.query(on: db).filter(\.$email == email).filter(\.$succeeded == false).delete()
        }
    }
}
