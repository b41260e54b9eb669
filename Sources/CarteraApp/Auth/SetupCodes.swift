import Fluent
import Foundation
import Vapor

/// The first-run page makes the first admin, so it needs something only the operator has: a code
/// that `serve` prints to its log while nobody can sign in (or the admin is made with
/// `cartera create-user --role admin` instead). 16 characters of a 31-letter alphabet, about 79
/// random bits; only the SHA-256 is stored, valid a day, and every code is gone once an admin exists.
enum SetupCodes {
    static let lifetime: TimeInterval = 24 * 3600
    private static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")

    /// A new code, stored as its hash; shown as four groups of four.
    static func issue(now: Date, on db: any Database) async throws -> String {
        var generator = SystemRandomNumberGenerator()
        let letters = (0..<16).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        let code = stride(from: 0, to: 16, by: 4).map { String(letters[$0..<$0 + 4]) }.joined(separator: "-")
        let record = SetupCode()
        record.codeHash = hash(code)
        record.expiresAt = now.addingTimeInterval(lifetime)
        try await record.create(on: db)
        return code
    }

    static func isValid(_ code: String?, now: Date, on db: any Database) async throws -> Bool {
        guard let code, !code.isEmpty, code.utf8.count <= 64 else { return false }
        return try await SetupCode.query(on: db).filter(\.$codeHash == hash(code)).filter(\.$expiresAt > now).count()
            > 0
    }

    /// Once the first admin exists no code opens anything.
    static func discardAll(on db: any Database) async throws {
        try await SetupCode.query(on: db).delete()
    }

    /// Case, spaces and dashes do not matter when typing it.
    private static func hash(_ code: String) -> String {
        let normalised = code.uppercased().filter { !$0.isWhitespace && $0 != "-" }
        return SHA256.hash(data: Data(normalised.utf8)).hexEncodedString()
    }
}

/// Prints a setup code when `serve` starts on an installation nobody can sign in to yet.
struct SetupCodeAnnouncer: LifecycleHandler {
    func didBootAsync(_ app: Application) async throws {
        guard try await User.query(on: app.db).count() == 0 else { return }
        let code = try await SetupCodes.issue(now: app.clock.now(), on: app.db)
        app.logger.notice(
            "First run: open \(app.publicURL + AppURL.setup) and enter the setup code \(code) (valid 24 hours), or create the first admin with `cartera create-user --role admin`."
        )
    }
}
