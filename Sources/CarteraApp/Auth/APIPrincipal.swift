import Foundation
import Vapor

/// Who is making a change: recorded in the audit trail, and scoping every query to one organisation.
public struct Actor: Sendable {
    public let organisationID: UUID
    /// "api_key:<name>", "user:<email>", "cli", "system:…", "portal:…".
    public let name: String

    public init(organisationID: UUID, name: String) {
        self.organisationID = organisationID
        self.name = name
    }
}

/// A caller authenticated by API key.
struct APIPrincipal: Authenticatable {
    let keyID: UUID
    let actor: Actor
    let role: Role
}

extension User: Authenticatable {
    var actor: Actor { Actor(organisationID: organisationID, name: "user:\(email)") }
}

extension Request {
    /// The authenticated caller: an API key, or a signed-in person on the web pages.
    var actor: Actor {
        get throws {
            if let principal = auth.get(APIPrincipal.self) { return principal.actor }
            if let user = auth.get(User.self) { return user.actor }
            throw ServiceError.unauthorized
        }
    }

    /// The caller's role; nobody authenticated has none.
    var role: Role? {
        auth.get(APIPrincipal.self)?.role ?? auth.get(User.self)?.role
    }
}
