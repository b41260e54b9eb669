/// What the organisation does when its last bank statement is old: hold the reminders (a payment may
/// have arrived that nobody has seen) or only warn on the dashboard.
public enum StaleStatementMode: String, Codable, Sendable, CaseIterable {
    case hold
    case warn
}

/// How recent the bank statement is, as the dashboard and the safety check see it.
public enum StatementFreshness: Hashable, Sendable {
    case fresh
    /// No statement was ever imported: the app cannot know, so it only warns and never holds.
    case neverImported
    /// Imported on `lastImported`, `workingDays` working days ago (more than the setting allows).
    case stale(lastImported: LocalDate, workingDays: Int)
}

/// Why a customer's message is held back today.
public enum SafetyHoldReason: Hashable, Sendable {
    /// Money the customer already has with us (unapplied payments, credit notes) pays what the message asks.
    case creditCovers(credit: [Money], asked: [Money])
    /// The customer started paying on the portal and the payment is not confirmed yet; with their credit it
    /// pays what the message asks.
    case portalPaymentPending(pending: [Money], asked: [Money])
    /// Bank lines waiting in the reconciliation review queue name the customer or one of the invoices.
    case bankLineInReview(count: Int)
    /// The last bank statement is older than the setting allows (and the setting says to hold).
    case statementStale(lastImported: LocalDate, workingDays: Int)

    public var kind: SafetyHoldKind {
        switch self {
        case .creditCovers: .creditCovers
        case .portalPaymentPending: .portalPaymentPending
        case .bankLineInReview: .bankLineInReview
        case .statementStale: .statementStale
        }
    }

    /// The reason's name in the API and in its wording's key (`safety.reason.<key>`).
    public var key: String { kind.rawValue }
}

/// The reasons without their figures: what the API's dry run names.
public enum SafetyHoldKind: String, Codable, Sendable, CaseIterable {
    case creditCovers = "credit_covers"
    case portalPaymentPending = "portal_payment_pending"
    case bankLineInReview = "bank_line_in_review"
    case statementStale = "statement_stale"
}

public enum SafetyVerdict: Hashable, Sendable {
    case send
    case hold(SafetyHoldReason)
}

/// Everything the safety check looks at for one customer's message on one day.
public struct SafetyFacts: Sendable {
    /// One invoice in the message: what it still owes and when it fell due.
    public struct Item: Sendable {
        public let balance: Money
        public let dueDate: LocalDate
        public init(balance: Money, dueDate: LocalDate) {
            self.balance = balance
            self.dueDate = dueDate
        }
    }

    public var items: [Item]
    /// Unapplied payments and credit notes of the customer, any currency.
    public var unappliedCredit: [Money]
    /// Portal payments started and not yet confirmed.
    public var pendingPortalPayments: [Money]
    /// Review-queue bank lines naming the customer or one of the message's invoices.
    public var reviewQueueMatches: Int
    public var statement: StatementFreshness

    public init(
        items: [Item], unappliedCredit: [Money] = [], pendingPortalPayments: [Money] = [],
        reviewQueueMatches: Int = 0, statement: StatementFreshness = .fresh
    ) {
        self.items = items
        self.unappliedCredit = unappliedCredit
        self.pendingPortalPayments = pendingPortalPayments
        self.reviewQueueMatches = reviewQueueMatches
        self.statement = statement
    }
}

/// The check made before a reminder goes out: never ask a customer for money they may already have paid.
public enum SafetyCheck {
    /// The first reason found, most specific first: a bank line naming them, credit, a portal payment,
    /// then an old statement (only when the organisation chose to hold on it).
    public static func verdict(_ facts: SafetyFacts, today: LocalDate, staleMode: StaleStatementMode) throws
        -> SafetyVerdict
    {
        if facts.reviewQueueMatches > 0 { return .hold(.bankLineInReview(count: facts.reviewQueueMatches)) }
        let asked = try askedAmounts(facts.items, today: today)
        if !asked.isEmpty {
            let credit = try totals(facts.unappliedCredit)
            if try covers(credit, asked) {
                return .hold(.creditCovers(credit: sorted(credit), asked: sorted(asked)))
            }
            let pending = try totals(facts.pendingPortalPayments)
            if !pending.isEmpty, try covers(totals(facts.unappliedCredit + facts.pendingPortalPayments), asked) {
                return .hold(.portalPaymentPending(pending: sorted(pending), asked: sorted(asked)))
            }
        }
        switch (facts.statement, staleMode) {
        case (.stale(let last, let days), .hold): return .hold(.statementStale(lastImported: last, workingDays: days))
        case (.stale, .warn), (.fresh, _), (.neverImported, _): return .send
        }
    }

    /// What the message asks for, per currency: the overdue balances, or, when nothing in it is overdue yet
    /// (a reminder before the due date), the balances it lists.
    public static func askedAmounts(_ items: [SafetyFacts.Item], today: LocalDate) throws -> [Currency: Money] {
        let open = items.filter(\.balance.isPositive)
        let overdue = open.filter { $0.dueDate < today }
        return try totals((overdue.isEmpty ? open : overdue).map(\.balance))
    }

    /// The statement's age in working days after its import day, up to and including today; stale past
    /// `allowedWorkingDays`. Imported on a Friday with 3 allowed: fresh until Wednesday, stale on Thursday.
    public static func freshness(
        lastImported: LocalDate?, today: LocalDate, calendar: WorkingCalendar, allowedWorkingDays: Int
    ) -> StatementFreshness {
        guard let lastImported else { return .neverImported }
        guard lastImported < today else { return .fresh }
        var days = 0
        var day = lastImported.addingClamped(days: 1)
        while day <= today {
            if calendar.isWorkingDay(day) { days += 1 }
            // Counting stops once stale: an import years ago must not walk every day since.
            if days > allowedWorkingDays { break }
            day = day.addingClamped(days: 1)
        }
        return days > allowedWorkingDays ? .stale(lastImported: lastImported, workingDays: days) : .fresh
    }

    private static func totals(_ amounts: [Money]) throws -> [Currency: Money] {
        var totals: [Currency: Money] = [:]
        for amount in amounts {
            totals[amount.currency] = try (totals[amount.currency] ?? .zero(amount.currency)).adding(amount)
        }
        return totals
    }

    private static func covers(_ available: [Currency: Money], _ asked: [Currency: Money]) throws -> Bool {
        asked.allSatisfy { currency, amount in
            guard let have = available[currency] else { return false }
            return have.minorUnits >= amount.minorUnits
        }
    }

    private static func sorted(_ totals: [Currency: Money]) -> [Money] {
        totals.values.sorted { $0.currency.code < $1.currency.code }
    }
}
