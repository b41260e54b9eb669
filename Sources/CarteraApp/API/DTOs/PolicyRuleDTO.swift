import CarteraCore
import Foundation
import Vapor

/// One rule of the ordered list that chooses a customer's policy; the first that matches wins.
struct PolicyRuleDTO: Content {
    /// 1 first.
    let position: Int
    let policyId: UUID
    /// The customer's risk level is one of these; empty: any.
    let riskLevels: [String]
    /// What the customer owes in all, in the organisation's currency; null: no bound.
    let minimumBalance: String?
    let maximumBalance: String?
    let tag: String?
    let minimumDaysOverdue: Int?

    init(_ record: PolicyRuleRecord, currency: Currency) {
        let rule = record.rule
        position = record.position + 1
        policyId = rule.policyID
        riskLevels = RiskLevel.allCases.filter(rule.riskLevels.contains).map(\.rawValue)
        minimumBalance = rule.minimumBalance.map { Money(minorUnits: $0, currency: currency).decimalString }
        maximumBalance = rule.maximumBalance.map { Money(minorUnits: $0, currency: currency).decimalString }
        tag = rule.tag
        minimumDaysOverdue = rule.minimumDaysOverdue
    }
}
