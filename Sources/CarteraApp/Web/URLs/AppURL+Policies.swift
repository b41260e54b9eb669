import CarteraCore
import Foundation

/// What the policies page does to one rule that chooses a policy.
enum PolicyRuleAction: String, CaseIterable, Sendable {
    case up, down, delete
}

/// The collection policies and message templates pages, and the forms posted from them.
extension AppURL {
    static let policies = "/policies"
    static let templates = "/templates"

    /// The segment of the built-in policy, shown while the organisation has no default of its own.
    static let standardPolicySegment = "standard"

    /// A policy's page; the built-in one (no id) has its own address, saved as the organisation's first policy.
    static func policy(_ id: UUID?) -> String { path("policies", id.map(\.uuidString) ?? standardPolicySegment) }
    static func policyPreview(_ id: UUID?) -> String { policy(id) + "/preview" }
    static func policyCustomers(_ id: UUID) -> String { path("policies", id, "customers") }
    /// The rules that choose a policy, on the policies page: add one, move the one at `index` up or down, delete it.
    static let policyRules = "/policies/rules"
    static func policyRule(_ index: Int, _ action: PolicyRuleAction) -> String {
        path("policies", "rules", index, action.rawValue)
    }

    static func template(_ key: TemplateKey, language: String, channel: ReminderChannel) -> String {
        path("templates", key.rawValue, language, channel.rawValue)
    }
    /// The template page previewing against one customer.
    static func template(_ key: TemplateKey, language: String, channel: ReminderChannel, customer: UUID) -> String {
        template(key, language: language, channel: channel) + query(["customer": customer.uuidString])
    }
    static func templatePreview(_ key: TemplateKey, language: String, channel: ReminderChannel) -> String {
        template(key, language: language, channel: channel) + "/preview"
    }
    static func templateReset(_ key: TemplateKey, language: String, channel: ReminderChannel) -> String {
        template(key, language: language, channel: channel) + "/reset"
    }
}
