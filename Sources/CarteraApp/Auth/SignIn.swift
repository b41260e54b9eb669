import Fluent
import Foundation
import Vapor

/// Checks an email and password. The try is counted before anything else (`LoginThrottle`), the
/// password is checked on the password pool, and an unknown email costs the same bcrypt work as a
/// known one with a wrong password: the answer and its timing do not reveal who has an account.
enum SignIn {
    enum Failure: Error { case wrongCredentials, throttled }

    /// Longer than any password we accept; a megabyte of "password" is not worth hashing.
    static let maximumPasswordBytes = 1_024

    static func check(email rawEmail: String, password: String, ip: String, app: Application, on db: any Database)
        async throws -> User
    {
        let email = normalised(rawEmail)
        let throttle = LoginThrottle(db: db, now: app.clock.now())
        guard let ticket = try await throttle.admit(email: email, ip: ip) else { throw Failure.throttled }
        let user = try await User.query(on: db).filter(\.$email == email).filter(\.$disabledAt == nil).first()
        let candidate = password.utf8.count <= maximumPasswordBytes ? password : ""
        let verified: Bool
        do {
            if let user {
                verified = try await app.passwordPool.verify(candidate, hash: user.passwordHash)
            } else {
                try await app.passwordPool.verifyDummy(candidate, cost: app.passwordCost)
                verified = false
            }
        } catch is PasswordPool.Busy {
            throw Failure.throttled
        }
        guard verified, let user else { throw Failure.wrongCredentials }
        try await throttle.succeeded(ticket)
        return user
    }

    static func normalised(_ email: String) -> String {
        String(email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().prefix(320))
    }
}
