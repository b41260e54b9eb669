/// Seed 001's "fijar un límite": may this customer buy more on credit?
///
/// A customer is on credit hold when any of these holds: a collector put them on hold by hand,
/// the account was sent to a collection agency or to legal, the open balance (exposure) is over
/// the credit limit, or an invoice is more days overdue than the organisation allows. A new sale is
/// allowed when none holds and exposure plus the sale stays within the limit.
public struct CreditCheck: Sendable {
    public struct Standing: Sendable {
        /// Open balance in the limit's currency (other currencies already converted).
        public let exposure: Money
        public let limit: Money?
        public let oldestDaysOverdue: Int
        public let manualHoldReason: String?
        public let sentToCollection: Bool

        public init(
            exposure: Money, limit: Money?, oldestDaysOverdue: Int, manualHoldReason: String?, sentToCollection: Bool
        ) {
            self.exposure = exposure
            self.limit = limit
            self.oldestDaysOverdue = oldestDaysOverdue
            self.manualHoldReason = manualHoldReason
            self.sentToCollection = sentToCollection
        }
    }

    public enum Reason: Sendable, Equatable {
        case manualHold(reason: String)
        case sentToCollection
        case overLimit(exposure: Money, limit: Money)
        case overdueTooLong(days: Int, maximum: Int)
        case saleExceedsLimit(available: Money)

        /// The machine codes the API returns and the locale files name (`credit.reason.<code>`).
        public enum Code: String, CaseIterable, Sendable {
            case manualHold = "manual_hold", sentToCollection = "sent_to_collection", overLimit = "over_limit"
            case overdueTooLong = "overdue_too_long", saleExceedsLimit = "sale_exceeds_limit"
        }

        public var kind: Code {
            switch self {
            case .manualHold: .manualHold
            case .sentToCollection: .sentToCollection
            case .overLimit: .overLimit
            case .overdueTooLong: .overdueTooLong
            case .saleExceedsLimit: .saleExceedsLimit
            }
        }

        public var code: String { kind.rawValue }
    }

    public struct Decision: Sendable, Equatable {
        public let allowed: Bool
        public let onHold: Bool
        public let reasons: [Reason]
        /// Limit minus exposure (never negative); nil without a limit.
        public let availableCredit: Money?
    }

    /// Days overdue beyond which a customer goes on hold automatically; nil switches the rule off.
    public let maximumDaysOverdue: Int?

    public init(maximumDaysOverdue: Int?) {
        self.maximumDaysOverdue = maximumDaysOverdue
    }

    public func evaluate(_ standing: Standing, sale: Money? = nil) throws -> Decision {
        var holds: [Reason] = []
        if let reason = standing.manualHoldReason { holds.append(.manualHold(reason: reason)) }
        if standing.sentToCollection { holds.append(.sentToCollection) }
        if let limit = standing.limit, standing.exposure > limit {
            holds.append(.overLimit(exposure: standing.exposure, limit: limit))
        }
        if let maximum = maximumDaysOverdue, standing.oldestDaysOverdue > maximum {
            holds.append(.overdueTooLong(days: standing.oldestDaysOverdue, maximum: maximum))
        }
        var available: Money?
        if let limit = standing.limit {
            let left = try limit.subtracting(standing.exposure)
            available = left.isNegative ? .zero(limit.currency) : left
        }
        var reasons = holds
        if holds.isEmpty, let sale, let available, available < sale {
            reasons.append(.saleExceedsLimit(available: available))
        }
        return Decision(allowed: reasons.isEmpty, onHold: !holds.isEmpty, reasons: reasons, availableCredit: available)
    }
}
