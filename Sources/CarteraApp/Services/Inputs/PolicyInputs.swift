import Foundation

// What a collection policy is created or changed with: owned by the services, decoded straight from the API's JSON or query string
// (the wire keys are the API's), and built by pages, commands and jobs.

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
