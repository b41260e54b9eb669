import Foundation

/// One of an organisation's rules that choose a collection policy: every condition it sets must hold
/// (a condition left nil or empty holds for everyone), and then the customer follows `policyID`.
public struct PolicyRule: Hashable, Sendable {
    /// The customer's risk level is one of these; empty: any level.
    public var riskLevels: Set<RiskLevel>
    /// What the customer owes in all, in minor units of the organisation's currency, at least / at most this.
    public var minimumBalance: Int64?
    public var maximumBalance: Int64?
    /// The customer carries this tag (compared ignoring case).
    public var tag: String?
    /// The customer's oldest owed invoice is at least this many days past its due date.
    public var minimumDaysOverdue: Int?
    public var policyID: UUID

    public init(
        riskLevels: Set<RiskLevel> = [], minimumBalance: Int64? = nil, maximumBalance: Int64? = nil,
        tag: String? = nil, minimumDaysOverdue: Int? = nil, policyID: UUID
    ) {
        self.riskLevels = riskLevels
        self.minimumBalance = minimumBalance
        self.maximumBalance = maximumBalance
        self.tag = tag.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        self.minimumDaysOverdue = minimumDaysOverdue
        self.policyID = policyID
    }

    /// The levels from `level` up: "risk at least medium" is medium or high.
    public static func levels(atLeast level: RiskLevel) -> Set<RiskLevel> {
        Set(RiskLevel.allCases.filter { $0 >= level })
    }

    /// Whether it sets no condition at all (it then matches everyone, and rules after it never apply).
    public var matchesEveryone: Bool {
        riskLevels.isEmpty && minimumBalance == nil && maximumBalance == nil && tag == nil && minimumDaysOverdue == nil
    }

    public func matches(_ customer: PolicySelector.Customer) -> Bool {
        if !riskLevels.isEmpty && !riskLevels.contains(customer.riskLevel) { return false }
        if let minimumBalance, customer.totalBalance < minimumBalance { return false }
        if let maximumBalance, customer.totalBalance > maximumBalance { return false }
        if let tag, !customer.tags.contains(where: { $0.caseInsensitiveCompare(tag) == .orderedSame }) { return false }
        if let minimumDaysOverdue, customer.daysOverdue < minimumDaysOverdue { return false }
        return true
    }

    /// Checked before it is stored: amounts not negative, the lower bound not above the upper, days
    /// within the policy's own range, a tag of at most 50 characters.
    public func validated() throws -> PolicyRule {
        for (field, value) in [("minimum_balance", minimumBalance), ("maximum_balance", maximumBalance)] {
            if let value, value < 0 || value > Money.limit {
                throw DomainError(code: "invalid_rule", field: field, message: "\(field) must be 0 or more")
            }
        }
        if let minimumBalance, let maximumBalance, minimumBalance > maximumBalance {
            throw DomainError(
                code: "invalid_rule", field: "maximum_balance",
                message: "maximum_balance must not be below minimum_balance")
        }
        if let minimumDaysOverdue, !(0...CollectionPolicy.offsetRange.upperBound * 3).contains(minimumDaysOverdue) {
            throw DomainError(
                code: "invalid_rule", field: "minimum_days_overdue", message: "minimum_days_overdue must be 0 to 1095")
        }
        if let tag, tag.count > 50 {
            throw DomainError(code: "invalid_rule", field: "tag", message: "tag must be at most 50 characters")
        }
        return self
    }
}

/// Which policy a customer follows: the customer's own choice first, then the organisation's rules in
/// order (the first that matches wins), then the default policy.
public enum PolicySelector {
    /// What the rules look at, for one customer on one day.
    public struct Customer: Hashable, Sendable {
        public let riskLevel: RiskLevel
        /// Owed balances in the organisation's currency (other currencies converted by its reference
        /// rates, or left out), in minor units.
        public let totalBalance: Int64
        public let tags: [String]
        /// Days past due of the customer's oldest owed invoice; 0 when nothing is overdue.
        public let daysOverdue: Int

        public init(riskLevel: RiskLevel, totalBalance: Int64, tags: [String], daysOverdue: Int) {
            self.riskLevel = riskLevel
            self.totalBalance = totalBalance
            self.tags = tags
            self.daysOverdue = daysOverdue
        }
    }

    /// Why a customer follows the policy it does.
    public enum Choice: Hashable, Sendable {
        /// The customer's own policy, set on the customer.
        case customer(UUID)
        /// The rule at this index (0-based) of the ordered list matched.
        case rule(index: Int, PolicyRule)
        /// Nothing chose: the organisation's default policy (nil: the built-in one).
        case defaultPolicy

        public var policyID: UUID? {
            switch self {
            case .customer(let id): id
            case .rule(_, let rule): rule.policyID
            case .defaultPolicy: nil
            }
        }
    }

    public static func choose(own: UUID?, rules: [PolicyRule], customer: Customer?) -> Choice {
        if let own { return .customer(own) }
        guard let customer else { return .defaultPolicy }
        if let index = rules.firstIndex(where: { $0.matches(customer) }) { return .rule(index: index, rules[index]) }
        return .defaultPolicy
    }
}
