extension RiskReason {
    /// The machine codes the API returns and the locale files name (`risk.reason.<code>`).
    public enum Code: String, CaseIterable, Sendable {
        case littleHistory = "little_history", late, slowest, overdueShare = "overdue_share"
        case brokenPromises = "broken_promises", openDisputes = "open_disputes"
    }

    public var code: Code {
        switch self {
        case .littleHistory: .littleHistory
        case .paidLate: .late
        case .slowestPayments: .slowest
        case .overdueBalance: .overdueShare
        case .brokenPromises: .brokenPromises
        case .openDisputes: .openDisputes
        }
    }
}
