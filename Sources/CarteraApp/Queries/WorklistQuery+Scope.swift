import Foundation

extension WorklistQuery.Scope {
    /// The `scope` parameter, the same on the page and in the API: `all`, `unassigned`, `mine` (the
    /// signed-in person's accounts and the unassigned ones) or a collector's user id.
    /// - Parameter person: who asks, when a person does (an API key is nobody's, so `mine` is refused).
    init(parameter: String, person: UUID?) throws {
        switch parameter {
        case "all": self = .everyone
        case "unassigned": self = .unassigned
        case "mine":
            guard let person else {
                throw ServiceError.invalid("scope", "scope mine needs a signed-in person; use a user id")
            }
            self = .collector(person)
        default:
            guard let id = UUID(uuidString: parameter) else {
                throw ServiceError.invalid("scope", "scope must be all, unassigned, mine or a user id")
            }
            self = .collector(id)
        }
    }
}
