import Fluent
import Foundation

/// Slows down password guessing: after 5 failed sign-ins for one email, or 20 from one address,
/// within 15 minutes, further tries are refused (and count too) until the window passes. Kept in the database
/// so the limit holds across app instances.
///
/// Each try is written down *before* its password is checked, as a failure until it proves right,
/// and then the failures are counted, its own included. The k-th try to be written sees at least k
/// failures, so of any number of simultaneous tries at most 5 get their password checked: counting
/// first and writing afterwards let 24 simultaneous tries all through.
struct LoginThrottle: Sendable {
    static let window: TimeInterval = 15 * 60
    static let maximumFailuresPerEmail = 5
    static let maximumFailuresPerAddress = 20

    let db: any Database
    let now: Date

    /// A try that was admitted: its password may be checked.
    struct Ticket: Sendable {
        let attemptID: UUID
        let email: String
    }

    /// Records the try and answers whether it may go on; nil when the email or the address is locked.
    func admit(email: String, ip: String) async throws -> Ticket? {
        let attempt = LoginAttempt()
        attempt.email = email
        attempt.ip = ip
        attempt.succeeded = false
        attempt.attemptedAt = now
        try await attempt.create(on: db)
        let id = try attempt.requireID()
        let since = now.addingTimeInterval(-Self.window)
        let byEmail = try await LoginAttempt.query(on: db).filter(\.$email == email).filter(\.$succeeded == false)
            .filter(\.$attemptedAt >= since).count()
        var blocked = byEmail > Self.maximumFailuresPerEmail
        if !blocked {
            let byAddress = try await LoginAttempt.query(on: db).filter(\.$ip == ip).filter(\.$succeeded == false)
                .filter(\.$attemptedAt >= since).count()
            blocked = byAddress > Self.maximumFailuresPerAddress
        }
        // A refused try stays written down as a failure: deleting it again would let the next
        // burst through once the refused ones were gone (of 23 wrong tries at once only two got
        // checked, and the right password sent just after was let in). So the lock lasts until the
        // window has passed since the last try; the daily pass deletes what is older.
        return blocked ? nil : Ticket(attemptID: id, email: email)
    }

    /// The password was right: the try counts as a success, and the email's failures are cleared so a
    /// person who finally remembers is not locked out later.
    func succeeded(_ ticket: Ticket) async throws {
        try await LoginAttempt.query(on: db).filter(\.$id == ticket.attemptID).set(\.$succeeded, to: true).update()
        try await LoginAttempt.query(on: db).filter(\.$email == ticket.email).filter(\.$succeeded == false).delete()
    }

    /// Tries older than the window decide nothing any more; the daily pass deletes them.
    static func purge(before instant: Date, on db: any Database) async throws {
        try await LoginAttempt.query(on: db).filter(\.$attemptedAt < instant.addingTimeInterval(-window)).delete()
    }
}
