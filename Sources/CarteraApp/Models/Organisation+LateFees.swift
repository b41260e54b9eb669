import CarteraCore

enum LateFeePolicyName: String, Sendable, CaseIterable {
    case none, fixedPerStep = "fixed_per_step", annualInterest = "annual_interest"
}

extension Organisation {
    /// The stored settings as the domain's policy; an incomplete setting charges nothing.
    var lateFeePolicy: LateFeePolicy {
        switch LateFeePolicyName(rawValue: lateFeePolicyName) ?? .none {
        case .none:
            return .none
        case .fixedPerStep:
            guard let minor = lateFeeMinor, let currency = try? Currency(code: defaultCurrency) else { return .none }
            return .fixedPerStep(Money(minorUnits: minor, currency: currency))
        case .annualInterest:
            guard let rate = lateInterestBasisPoints else { return .none }
            return .annualInterest(
                basisPoints: Int64(rate), legalMaximumBasisPoints: legalMaximumBasisPoints.map(Int64.init))
        }
    }
}
