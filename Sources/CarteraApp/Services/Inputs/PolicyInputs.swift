import Foundation

// What a collection policy is created or changed with.
// Owned by the services: the API decodes them from its JSON or query string (its wire keys); pages and jobs build them.

struct CollectionPolicyInput: Codable, Sendable {
    var name: String?
    var isDefault: Bool?
    var steps: [PolicyStepInput]?
}

/// One step as the client sends it; the same keys as a step in a policy reply.
struct PolicyStepInput: Codable, Sendable {
    var key: String?
    var offsetDays: Int?
    var channel: String?
    var tone: String?
    var template: String?
}
