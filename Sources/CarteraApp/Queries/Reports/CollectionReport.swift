import CarteraCore
import Fluent
import Foundation

/// How well the organisation collects over a period (`from` through `to`, both included): DSO by the
/// countback method, CEI and best possible DSO per currency, plus promises, disputes and which
/// reminder step gets invoices paid. Inputs come from the ledger as it stood (`LedgerHistory`);
/// the formulas are CarteraCore's (`CollectionMetrics`, `CollectionActivity`).
struct CollectionReport {
    struct CurrencyFigures {
        let currency: Currency
        /// Receivables at the end of the day before `from`.
        let beginning: Money
        /// Invoices issued in the period.
        let creditSales: Money
        /// Receivables at the end of `to`, and the part of them not yet due.
        let ending: LedgerHistory.Receivables
        let dso: CollectionMetrics.CountbackDSO
        /// Basis points; nil when nothing was collectible.
        let cei: Int?
        /// Tenths of days; nil without sales in the period.
        let bestPossibleDSO: Int?
    }

    struct StepFigures {
        let key: String
        let effectiveness: CollectionActivity.StepEffectiveness
    }

    /// Months walked back for the countback; a balance older than this is flagged `historyExhausted`.
    static let countbackMonths = 24
    static let defaultWithinDays = 14

    let from: LocalDate
    let to: LocalDate
    let withinDays: Int
    let currencies: [CurrencyFigures]
    let promisesKept: Int
    let promisesBroken: Int
    let disputes: CollectionActivity.DisputeAge
    let steps: [StepFigures]

    var promisesKeptBasisPoints: Int? {
        CollectionActivity.promisesKeptBasisPoints(kept: promisesKept, broken: promisesBroken)
    }

    static func build(from: LocalDate, to: LocalDate, withinDays: Int, in context: ServiceContext) async throws
        -> CollectionReport
    {
        let organisationID = context.organisationID
        let db = context.db
        let dayBefore = from.addingClamped(days: -1)
        let receivables = try await LedgerHistory.receivables(
            organisationID: organisationID, on: [dayBefore, to], db: db)
        let beginning = receivables[dayBefore] ?? [:]
        let ending = receivables[to] ?? [:]
        let sales = try await LedgerHistory.creditSales(organisationID: organisationID, from: from, to: to, db: db)
        let months = countbackPeriods(endingOn: to)
        let monthly = try await LedgerHistory.monthlyCreditSales(
            organisationID: organisationID, from: months.last?.start ?? to.startOfMonth, to: to, db: db)
        let codes = Set(beginning.keys).union(ending.keys).union(sales.keys).sorted()
        let periodDays = from.days(until: to) + 1
        let figures = try codes.map { code in
            let currency = try Currency(code: code)
            let zero = Money.zero(currency)
            let end = ending[code] ?? .init(total: zero, current: zero)
            let sold = Money(minorUnits: sales[code] ?? 0, currency: currency)
            let start = beginning[code]?.total ?? zero
            let periods = months.map {
                CollectionMetrics.Period(
                    creditSales: Money(minorUnits: monthly[code]?[$0.key] ?? 0, currency: currency), days: $0.days)
            }
            return CurrencyFigures(
                currency: currency, beginning: start, creditSales: sold, ending: end,
                dso: try CollectionMetrics.countbackDSO(receivables: end.total, periods: periods),
                cei: try CollectionMetrics.collectionEffectivenessIndex(
                    beginning: start, creditSales: sold, endingTotal: end.total, endingCurrent: end.current),
                bestPossibleDSO: try CollectionMetrics.bestPossibleDSO(
                    currentReceivables: end.current, creditSales: sold, days: periodDays))
        }
        let promises = try await promiseOutcomes(from: from, to: to, in: context)
        return CollectionReport(
            from: from, to: to, withinDays: withinDays, currencies: figures, promisesKept: promises.kept,
            promisesBroken: promises.broken,
            disputes: try await openDisputes(asOf: to, in: context),
            steps: try await reminderSteps(from: from, to: to, withinDays: withinDays, in: context))
    }

    /// The countback's periods, most recent first: the month of `to` up to and including `to`
    /// (so its days are `to.day`), then whole calendar months before it.
    static func countbackPeriods(endingOn to: LocalDate) -> [(key: String, start: LocalDate, days: Int)] {
        let monthStart = to.startOfMonth
        // Months before 1900 hold no sales: they are left out rather than computed.
        return (0..<countbackMonths).compactMap { back in
            guard let start = try? monthStart.adding(months: -back) else { return nil }
            let days = back == 0 ? to.day : LocalDate.daysIn(month: start.month, year: start.year)
            return (String(start.iso.prefix(7)), start, days)
        }
    }
}
