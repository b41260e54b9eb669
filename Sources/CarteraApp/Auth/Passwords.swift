import Vapor

/// Password rules in one place. Hashing is bcrypt (Vapor's), with the cost from `AppConfig`.
enum Passwords {
    static let minimumLength = 10
    static let maximumLength = 72 // bcrypt ignores what follows

    static func validate(_ password: String, field: String = "password") throws {
        guard password.utf8.count >= minimumLength else {
            throw ServiceError.invalid(
                field, code: "password_too_short", "The password needs at least \(minimumLength) characters")
        }
        guard password.utf8.count <= maximumLength else {
            throw ServiceError.invalid(
                field, code: "password_too_long", "The password may have at most \(maximumLength) bytes")
        }
    }

    static func hash(_ password: String, cost: Int) throws -> String {
        try Bcrypt.hash(password, cost: cost)
    }

    static func verify(_ password: String, hash: String) -> Bool {
        (try? Bcrypt.verify(password, created: hash)) ?? false
    }
}
