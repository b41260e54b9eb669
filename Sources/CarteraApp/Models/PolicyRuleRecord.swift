import CarteraCore
import Fluent
import Foundation

/// One stored rule of the organisation's ordered list that chooses a policy (`PolicyRule`).
public final class PolicyRuleRecord: Model, @unchecked Sendable {
    public static let schema = "policy_rules"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    /// 0 first: the first rule that matches a customer wins.
    @Field(key: "position") public var position: Int
    @Field(key: "policy_id") public var policyID: UUID
    /// `RiskLevel`s as a `StoredList`; empty: any level.
    @Field(key: "risk_levels") public var riskLevels: String
    @OptionalField(key: "minimum_balance_minor") public var minimumBalanceMinor: Int64?
    @OptionalField(key: "maximum_balance_minor") public var maximumBalanceMinor: Int64?
    @OptionalField(key: "tag") public var tag: String?
    @OptionalField(key: "minimum_days_overdue") public var minimumDaysOverdue: Int?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    var rule: PolicyRule {
        PolicyRule(
            riskLevels: Set(StoredList<RiskLevel>.decode(riskLevels)), minimumBalance: minimumBalanceMinor,
            maximumBalance: maximumBalanceMinor, tag: tag, minimumDaysOverdue: minimumDaysOverdue, policyID: policyID)
    }

    convenience init(_ rule: PolicyRule, position: Int, organisationID: UUID) {
        self.init()
        self.organisationID = organisationID
        self.position = position
        policyID = rule.policyID
        riskLevels = StoredList.encode(RiskLevel.allCases.filter(rule.riskLevels.contains))
        minimumBalanceMinor = rule.minimumBalance
        maximumBalanceMinor = rule.maximumBalance
        tag = rule.tag
        minimumDaysOverdue = rule.minimumDaysOverdue
    }
}

extension RiskLevel: StoredListItem {}
