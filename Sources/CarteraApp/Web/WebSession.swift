import Foundation
import Vapor

/// What the workspace keeps in the session cookie's server-side record.
extension Session {
    /// The key the session driver reads to know whose session a row is.
    static let userIDKey = "user_id"

    private enum Key {
        static let userID = Session.userIDKey
        static let signedInAt = "signed_in_at"
        static let csrf = "csrf"
        static let language = "lang"
        static let flash = "flash"
        static let flashKind = "flash_kind"
    }

    var userID: UUID? { data[Key.userID].flatMap(UUID.init(uuidString:)) }

    var signedInAt: Date? { data[Key.signedInAt].flatMap(TimeInterval.init).map(Date.init(timeIntervalSince1970:)) }

    fileprivate func signIn(_ user: User, at instant: Date) throws {
        data[Key.userID] = try user.requireID().uuidString
        data[Key.signedInAt] = String(instant.timeIntervalSince1970)
        // A new token after sign-in: one seen before cannot be replayed against the signed-in session.
        data[Key.csrf] = nil
        data[Key.language] = user.language
    }

    func signOut() {
        destroy()
    }

    /// One random token per session, made on first use; every form carries it back.
    var csrfToken: String {
        if let token = data[Key.csrf] { return token }
        let token = [UInt8].random(count: 32).base64URLEncoded
        data[Key.csrf] = token
        return token
    }

    var hasCSRFToken: Bool { data[Key.csrf] != nil }

    var language: String? {
        get { data[Key.language] }
        set { data[Key.language] = newValue }
    }

    /// A one-time message shown on the next page: "Llamada registrada", or what was wrong with a form.
    func flash(_ message: String, kind: FlashKind = .success) {
        data[Key.flash] = message
        data[Key.flashKind] = kind.rawValue
    }

    func takeFlash() -> Flash? {
        guard let message = data[Key.flash] else { return nil }
        let kind = data[Key.flashKind].flatMap(FlashKind.init(rawValue:)) ?? .success
        data[Key.flash] = nil
        data[Key.flashKind] = nil
        return Flash(message: message, kind: kind.rawValue)
    }
}

enum FlashKind: String { case success, error }

struct Flash: Encodable {
    let message: String
    let kind: String
}

extension [UInt8] {
    static func random(count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    var base64URLEncoded: String {
        Data(self).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(
            of: "/", with: "_"
        )
        .replacingOccurrences(of: "=", with: "")
    }
}

extension Request {
    /// The token every form carries back (`CSRFProtection`). A signed-in session keeps a random one
    /// of its own; a visitor who is not signed in has no row to keep it in, so theirs is derived
    /// from the session cookie's random id (a cookie another site can neither read nor set).
    var csrfToken: String {
        if session.userID != nil { return session.csrfToken }
        return Self.visitorToken(for: visitorSessionID)
    }

    /// The token a visitor's form must carry, for the cookie this request came with.
    var expectedVisitorToken: String? {
        guard let id = session.id ?? QuietSessions.visitorID(self) else { return nil }
        return Self.visitorToken(for: id)
    }

    static let sessionCookieName = "cartera_session"

    /// The id of this visitor's cookie, chosen now if they have none (the response then sets it).
    private var visitorSessionID: SessionID {
        if let id = session.id { return id }
        let id = QuietSessions.visitorID(self) ?? QuietSessions.newID()
        session.id = id
        return id
    }

    private static func visitorToken(for id: SessionID) -> String {
        Array(SHA256.hash(data: Data("cartera-csrf:\(id.string)".utf8))).base64URLEncoded
    }

    /// Signs the person in under a new session id, deleting the old record: an id planted or seen
    /// before sign-in is worth nothing after it (session fixation).
    func startSession(for user: User) async throws {
        if let old = session.id {
            try await application.sessions.driver.deleteSession(old, for: self).get()
            session.id = nil
        }
        try session.signIn(user, at: application.clock.now())
    }
}
