import CarteraCore
import Foundation

/// The policy a customer follows and why (`DunningSettings.policyChoice`), for the pages that show it.
struct PolicyChoice: Sendable {
    let policy: CollectionPolicy
    /// The chosen policy's name; nil for the organisation's default (or the built-in one).
    let policyName: String?
    let choice: PolicySelector.Choice

    /// "Regla 2: riesgo medio o alto y 30 días de mora o más → Cobro firme", "Su propia política:
    /// Cobro firme", "La política por defecto".
    func words(_ format: PageFormat) -> String {
        switch choice {
        case .customer:
            return format.text("policy_rule.choice.own", ["policy": policyName ?? ""])
        case .rule(let index, let rule):
            return format.text(
                "policy_rule.choice.rule",
                [
                    "number": String(index + 1), "conditions": Self.conditions(rule, format),
                    "policy": policyName ?? "",
                ])
        case .defaultPolicy:
            return format.text("policy_rule.choice.default")
        }
    }

    /// A rule's conditions in words, joined by "y" ("todos los clientes" when it sets none).
    static func conditions(_ rule: PolicyRule, _ format: PageFormat) -> String {
        var parts: [String] = []
        if !rule.riskLevels.isEmpty {
            let levels = RiskLevel.allCases.filter(rule.riskLevels.contains).map { format.text("risk.\($0.rawValue)") }
            parts.append(
                format.text(
                    "policy_rule.when.risk", ["levels": levels.joined(separator: format.text("policy_rule.or"))]))
        }
        let currency = format.composer.organisation.defaultCurrency
        if let minimum = rule.minimumBalance {
            parts.append(format.text("policy_rule.when.minimum_balance", ["amount": format.money(minimum, currency)]))
        }
        if let maximum = rule.maximumBalance {
            parts.append(format.text("policy_rule.when.maximum_balance", ["amount": format.money(maximum, currency)]))
        }
        if let tag = rule.tag { parts.append(format.text("policy_rule.when.tag", ["tag": tag])) }
        if let days = rule.minimumDaysOverdue {
            parts.append(format.text("policy_rule.when.days_overdue", ["days": String(days)]))
        }
        return parts.isEmpty
            ? format.text("policy_rule.when.everyone") : parts.joined(separator: format.text("policy_rule.and"))
    }
}
