/// How likely a customer is to pay late, from how they have paid: the risky are chased first.
public enum RiskLevel: String, Codable, Sendable, CaseIterable, Comparable {
    case low, medium, high

    /// How much more urgent an overdue peso of a riskier customer is on the worklist.
    public var worklistWeight: Int64 {
        switch self {
        case .low: 1
        case .medium: 2
        case .high: 3
        }
    }

    public static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
