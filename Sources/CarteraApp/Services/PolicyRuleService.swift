import CarteraCore
import Fluent
import Foundation

/// The organisation's ordered rules that choose a customer's policy (see `PolicySelector`): read in
/// order, and replaced as a whole — the API's `PUT /api/v1/policy-rules` and the policies page's add,
/// move and delete all send the full list — in one transaction with its audit event.
enum PolicyRuleService {
    static let maximumRules = 50

    static func list(in context: ServiceContext) async throws -> [PolicyRuleRecord] {
        try await PolicyRuleRecord.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .sort(\.$position).all()
    }

    static func rules(in context: ServiceContext) async throws -> [PolicyRule] {
        try await list(in: context).map(\.rule)
    }

    /// The list as the client sent it, checked (each rule's conditions, its policy one of the
    /// organisation's), stored in its order.
    @discardableResult
    static func replace(_ input: PolicyRulesInput, in context: ServiceContext) async throws -> [PolicyRuleRecord] {
        let inputs = try FieldParser.required(input.rules, "rules")
        guard inputs.count <= maximumRules else {
            throw ServiceError.invalid("rules", code: "out_of_range", "At most \(maximumRules) rules")
        }
        let policies = Set(
            try await CollectionPolicyRecord.query(on: context.db).filter(\.$organisationID == context.organisationID)
                .all().map { try $0.requireID() })
        let currency = try Currency(code: context.organisation.defaultCurrency)
        let rules = try inputs.enumerated().map { index, rule in
            try parse(rule, field: "rules[\(index)]", currency: currency, policies: policies)
        }
        return try await store(rules, in: context)
    }

    /// The policies page's "add a rule": `input` goes at the end of the list.
    @discardableResult
    static func append(_ input: PolicyRuleInput, in context: ServiceContext) async throws -> [PolicyRuleRecord] {
        let current = try await rules(in: context)
        let policies = Set(
            try await CollectionPolicyRecord.query(on: context.db).filter(\.$organisationID == context.organisationID)
                .all().map { try $0.requireID() })
        guard current.count < maximumRules else {
            throw ServiceError.invalid("rules", code: "out_of_range", "At most \(maximumRules) rules")
        }
        let rule = try parse(
            input, field: "rules[\(current.count)]", currency: try Currency(code: context.organisation.defaultCurrency),
            policies: policies)
        return try await store(current + [rule], in: context)
    }

    /// The rule at `index` (0 first) one place earlier (`by: -1`) or later (`by: 1`); at an end, nothing moves.
    static func move(at index: Int, by offset: Int, in context: ServiceContext) async throws {
        var current = try await rules(in: context)
        let target = index + offset
        guard current.indices.contains(index), current.indices.contains(target) else {
            throw ServiceError.notFound("policy_rule")
        }
        current.swapAt(index, target)
        try await store(current, in: context)
    }

    static func remove(at index: Int, in context: ServiceContext) async throws {
        var current = try await rules(in: context)
        guard current.indices.contains(index) else { throw ServiceError.notFound("policy_rule") }
        current.remove(at: index)
        try await store(current, in: context)
    }

    /// Stores `rules` in their order, replacing the list (for the page's move and delete, which start
    /// from the stored rules).
    @discardableResult
    static func store(_ rules: [PolicyRule], in context: ServiceContext) async throws -> [PolicyRuleRecord] {
        try await context.transaction { tx in
            try await PolicyRuleRecord.query(on: tx.db).filter(\.$organisationID == tx.organisationID).delete()
            var records: [PolicyRuleRecord] = []
            for (position, rule) in rules.enumerated() {
                let record = PolicyRuleRecord(rule, position: position, organisationID: tx.organisationID)
                try await record.create(on: tx.db)
                records.append(record)
            }
            try await AuditLog.record(
                "policy_rules.updated", entityType: "policy_rules", entityID: tx.organisationID,
                details: ["count": String(rules.count)], in: tx)
            return records
        }
    }

    static func parse(_ input: PolicyRuleInput, field: String, currency: Currency, policies: Set<UUID>) throws
        -> PolicyRule
    {
        let policyText = try FieldParser.required(input.policyId, "\(field).policy_id")
        guard let policyID = UUID(uuidString: policyText), policies.contains(policyID) else {
            throw ServiceError.invalid(
                "\(field).policy_id", code: "unknown_policy",
                "\(field).policy_id must be one of the organisation's policies")
        }
        var levels = Set(
            try (input.riskLevels ?? []).map { try FieldParser.enumValue($0, RiskLevel.self, "\(field).risk_levels") })
        if let atLeast = input.riskAtLeast, !atLeast.isEmpty {
            levels.formUnion(
                PolicyRule.levels(atLeast: try FieldParser.enumValue(atLeast, RiskLevel.self, "\(field).risk_at_least"))
            )
        }
        func amount(_ text: String?, _ name: String) throws -> Int64? {
            guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return try FieldParser.money(text, currency: currency, "\(field).\(name)", allowZero: true).minorUnits
        }
        let rule = PolicyRule(
            riskLevels: levels == Set(RiskLevel.allCases) ? [] : levels,
            minimumBalance: try amount(input.minimumBalance, "minimum_balance"),
            maximumBalance: try amount(input.maximumBalance, "maximum_balance"),
            tag: try FieldParser.optionalText(input.tag, "\(field).tag", maxLength: 50),
            minimumDaysOverdue: input.minimumDaysOverdue, policyID: policyID)
        do { return try rule.validated() } catch let error as DomainError {
            throw ServiceError(error.code, field: "\(field).\(error.field ?? "rules")", message: error.message)
        }
    }
}
