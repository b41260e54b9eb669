import Foundation
import Testing

@testable import CarteraCore

/// The rules that choose a policy: the customer's own first, then the first rule that matches, then the default.
@Suite struct PolicySelectorTests {
    let firm = UUID()
    let big = UUID()
    let tagged = UUID()
    let own = UUID()

    var rules: [PolicyRule] {
        [
            PolicyRule(riskLevels: PolicyRule.levels(atLeast: .medium), minimumDaysOverdue: 30, policyID: firm),
            PolicyRule(minimumBalance: 10_000_000, policyID: big),
            PolicyRule(tag: "Gobierno", policyID: tagged),
        ]
    }

    func customer(_ risk: RiskLevel = .low, balance: Int64 = 0, tags: [String] = [], days: Int = 0)
        -> PolicySelector.Customer
    {
        PolicySelector.Customer(riskLevel: risk, totalBalance: balance, tags: tags, daysOverdue: days)
    }

    @Test func theFirstMatchingRuleWins() {
        // risky and late, and big: the first rule, not the second
        let choice = PolicySelector.choose(
            own: nil, rules: rules, customer: customer(.high, balance: 20_000_000, days: 45))
        #expect(choice == .rule(index: 0, rules[0]))
        #expect(choice.policyID == firm)
        // risky but not late enough: the balance rule
        #expect(
            PolicySelector.choose(own: nil, rules: rules, customer: customer(.medium, balance: 10_000_000, days: 29))
                .policyID == big)
        // the tag, ignoring case
        #expect(
            PolicySelector.choose(own: nil, rules: rules, customer: customer(tags: ["gobierno"])).policyID == tagged)
    }

    @Test func noMatchIsTheDefaultAndTheCustomersOwnOverridesTheRules() {
        #expect(
            PolicySelector.choose(own: nil, rules: rules, customer: customer(.low, balance: 5, days: 90))
                == .defaultPolicy)
        #expect(PolicySelector.choose(own: nil, rules: [], customer: customer()) == .defaultPolicy)
        #expect(
            PolicySelector.choose(own: own, rules: rules, customer: customer(.high, balance: 20_000_000, days: 45))
                == .customer(own))
    }

    @Test func boundsAreInclusive() {
        let band = PolicyRule(minimumBalance: 100, maximumBalance: 200, policyID: big)
        #expect(band.matches(customer(balance: 100)) && band.matches(customer(balance: 200)))
        #expect(!band.matches(customer(balance: 99)) && !band.matches(customer(balance: 201)))
        #expect(PolicyRule(riskLevels: [.low], policyID: big).matches(customer(.low)))
        #expect(!PolicyRule(riskLevels: [.low], policyID: big).matches(customer(.medium)))
        #expect(PolicyRule(policyID: big).matchesEveryone)
        #expect(PolicyRule.levels(atLeast: .medium) == [.medium, .high])
    }

    @Test func rulesAreValidated() {
        #expect { try PolicyRule(minimumBalance: 5, maximumBalance: 4, policyID: big).validated() } throws: {
            ($0 as? DomainError)?.field == "maximum_balance"
        }
        #expect { try PolicyRule(minimumBalance: -1, policyID: big).validated() } throws: {
            ($0 as? DomainError)?.field == "minimum_balance"
        }
        #expect { try PolicyRule(minimumDaysOverdue: -3, policyID: big).validated() } throws: {
            ($0 as? DomainError)?.field == "minimum_days_overdue"
        }
        #expect(PolicyRule(tag: "  ", policyID: big).tag == nil)
    }
}
