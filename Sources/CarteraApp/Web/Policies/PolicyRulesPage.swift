import CarteraCore
import Vapor

/// The rules that choose a customer's policy, on the policies page (`/policies`): admins add one at the
/// end, move one up or down and delete one — each through `PolicyRuleService`, like the API's
/// `PUT /api/v1/policy-rules`. A refused rule comes back typed, with the reason next to the field.
struct PolicyRulesPage {
    static let formName = "policyrule"

    /// The add form as typed; amounts the way people write them (`req.typedForm`).
    struct Form: Content {
        var policyId: String?
        var riskAtLeast: String?
        var minimumBalance: String?
        var maximumBalance: String?
        var tag: String?
        var minimumDaysOverdue: String?
    }

    static let back = AppURL.policies + "#policy-rules"

    static func add(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let form = try await req.typedForm(Form.self, amounts: ["minimumBalance", "maximumBalance"])
        let days = form.minimumDaysOverdue?.trimmingCharacters(in: .whitespaces) ?? ""
        guard days.isEmpty || (days.allSatisfy(\.isASCII) && Int(days) != nil) else {
            let message = req.text("policy_rule.error.days")
            return req.refuseForm(to: back, errors: ["minimumDaysOverdue": message], summary: message)
        }
        let input = PolicyRuleInput(
            policyId: form.policyId, riskLevels: nil, riskAtLeast: form.riskAtLeast,
            minimumBalance: form.minimumBalance, maximumBalance: form.maximumBalance, tag: form.tag,
            minimumDaysOverdue: Int(days))
        do {
            try await PolicyRuleService.append(input, in: context)
        } catch let error as ServiceError where error.kind == .invalid {
            let field = pageField(error.field)
            let message = req.refusalText(error, label: field)
            return req.refuseForm(to: back, errors: [field: message], summary: message)
        }
        req.session.flash(req.text("flash.policy_rule_added"))
        return req.redirect(to: back)
    }

    /// POST /policies/rules/{index}/{up|down|delete}.
    static func change(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        guard let index = req.parameters.get("index").flatMap(Int.init),
            let action = req.parameters.get("action").flatMap(PolicyRuleAction.init(rawValue:))
        else { throw ServiceError.notFound("policy_rule") }
        switch action {
        case .up: try await PolicyRuleService.move(at: index, by: -1, in: context)
        case .down: try await PolicyRuleService.move(at: index, by: 1, in: context)
        case .delete: try await PolicyRuleService.remove(at: index, in: context)
        }
        req.session.flash(req.text(action == .delete ? "flash.policy_rule_deleted" : "flash.policy_rule_moved"))
        return req.redirect(to: back)
    }

    /// `rules[3].minimum_balance` → `minimumBalance`, the add form's field.
    static func pageField(_ serviceField: String?) -> String {
        let last = serviceField?.split(separator: ".").last.map(String.init) ?? "policyId"
        switch last {
        case "policy_id": return "policyId"
        case "risk_at_least", "risk_levels": return "riskAtLeast"
        case "minimum_balance": return "minimumBalance"
        case "maximum_balance": return "maximumBalance"
        case "tag": return "tag"
        case "minimum_days_overdue": return "minimumDaysOverdue"
        default: return "policyId"
        }
    }
}
