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

/// The whole ordered list of rules that choose a policy, as sent: it replaces the stored one.
struct PolicyRulesInput: Codable, Sendable {
    var rules: [PolicyRuleInput]?
}

/// One rule as sent; a condition left out holds for every customer.
struct PolicyRuleInput: Codable, Sendable {
    var policyId: String?
    /// The customer's risk level is one of these ("low", "medium", "high")…
    var riskLevels: [String]?
    /// …or at least this one.
    var riskAtLeast: String?
    /// What the customer owes in all, in the organisation's currency ("1500000.00").
    var minimumBalance: String?
    var maximumBalance: String?
    var tag: String?
    var minimumDaysOverdue: Int?
}
