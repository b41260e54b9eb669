import CarteraCore
import Foundation

/// One customer's account as of a day, in the figures the organisation-wide pages rank and show:
/// what `CustomerSummaries` stores and keeps current, and what a full recomputation from the ledger
/// must equal. Every amount is a sum of balances in one currency; `…Base` amounts are converted to the
/// organisation's currency with its reference rates (per currency total, half-up), for ordering only.
struct CustomerSummary: Sendable, Equatable {
    /// Owed invoices of one currency: their balances in all, overdue (due before the day), overdue and
    /// not paused (no dispute, promise, plan or manual hold), paused, and by aging bucket.
    struct Balance: Sendable, Equatable {
        var currency: String
        var invoices = 0
        var owed: Int64 = 0
        var overdue: Int64 = 0
        var unpausedOverdue: Int64 = 0
        var paused: Int64 = 0
        /// Balances by aging bucket, in `AgingBucket.allCases` order.
        var buckets = [Int64](repeating: 0, count: AgingBucket.allCases.count)
        var unpausedOverdueInvoices = 0
        /// At least one overdue invoice not paused: the worklist lists the currency.
        var hasUnpausedOverdue: Bool { unpausedOverdueInvoices > 0 }
    }

    /// The worklist's priority (`WorklistScore`) and whether something must be done today.
    var score: Int64 = 0
    var needsActionToday = false
    var risk: RiskProfile.Figures
    var riskLevel: RiskLevel
    var maximumDaysOverdue = 0
    var callTasksDue = 0
    var letterTasksDue = 0
    var recentBrokenPromises = 0
    var newDisputes = 0
    var promisesDueToday = 0
    var owedBase: Int64 = 0
    var overdueBase: Int64 = 0
    var oldestDueDate: LocalDate?
    /// Sorted by currency code.
    var balances: [Balance] = []

    /// What the customer is expected to pay per week (`CollectionsForecast`): open invoices on their
    /// predicted payment day, plans as their unpaid instalments. Week 0 is the current one (with
    /// anything expected earlier), `CashForecast.standardWeeks` holds everything beyond the horizon.
    struct ExpectedWeek: Sendable, Equatable {
        var currency: String
        var week: Int
        var amount: Int64
    }
    /// Sorted by currency, then week.
    var expected: [ExpectedWeek] = []
    /// Open invoices the payment-date model placed, those placed on their due date (no history at
    /// all), and plan instalments still to pay.
    var predictedInvoices = 0
    var dueDateInvoices = 0
    var planInstalments = 0

    /// On the worklist at all: money overdue to score, or something to do today.
    var isOnWorklist: Bool { score > 0 || needsActionToday }

    var riskAssessment: RiskAssessment { RiskAssessment(profile: RiskProfile(figures: risk)) }

    /// Overdue and not paused, per currency, as the worklist shows it.
    func unpausedOverdue() throws -> [Money] {
        try balances.filter(\.hasUnpausedOverdue).map {
            Money(minorUnits: $0.unpausedOverdue, currency: try Currency(code: $0.currency))
        }
    }

    func owed() throws -> [Money] {
        try balances.map { Money(minorUnits: $0.owed, currency: try Currency(code: $0.currency)) }
    }
}
