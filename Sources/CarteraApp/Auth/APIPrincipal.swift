import Foundation
import Vapor

/// Who is making a change: recorded in the audit trail, and scoping every query to one organisation.
public struct Actor: Sendable {
    public let organisationID: UUID
    /// "api_key:<name>", "cli", "system", later "user:<email>".
    public let name: String

    public init(organisationID: UUID, name: String) {
        self.organisationID = organisationID
        self.name = name
    }
}

struct APIPrincipal: Authenticatable {
    let keyID: UUID
    let actor: Actor
}

extension Request {
    /// The authenticated caller; routes behind `APIKeyAuthenticator` always have one.
    var actor: Actor {
        get throws {
            guard let principal = auth.get(APIPrincipal.self) else { throw APIError.unauthorized }
            return principal.actor
        }
    }
}
