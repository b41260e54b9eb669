import CarteraCore
import Fluent
import Foundation
import SQLKit

/// The owner's numbers: what is owed, how late, what came in this month, who owes most.
struct DashboardQuery {
    let context: ServiceContext

    struct CurrencyFigures {
        let aging: AgingReport
        let invoiceCount: Int
        let collectedThisMonth: Money
        /// Simple DSO: receivable ÷ credit sales of the last 90 days × 90 (the countback DSO is in reports).
        let dso: Int?
        var overdue: Money {
            Money(
                minorUnits: aging.total.minorUnits.saturatingAdding(-(aging.buckets[.current]?.minorUnits ?? 0)),
                currency: aging.currency)
        }
    }

    struct Debtor {
        let customer: Customer
        let balances: [Money]
        /// In the organisation's currency (reference rates), for ranking.
        let rank: Int64
    }

    struct DisputeAge {
        let label: String
        let count: Int
    }

    static let dsoWindowDays = 90

    func currencies() async throws -> [CurrencyFigures] {
        let today = context.today
        let monthStart = today.startOfMonth
        try await CustomerSummaries.current(in: context)
        let reports = try await CustomerSummaries.aging(
            organisationID: context.organisationID, asOf: today, on: context.db)
        // Reversed payments came back: not collected (as in the reports).
        let collected = try await CollectionDays.total(
            organisationID: context.organisationID, from: monthStart, to: today, on: context.db)
        let sales = try await LedgerHistory.creditSales(
            organisationID: context.organisationID, from: today.addingClamped(days: 1 - Self.dsoWindowDays),
            to: today, db: context.db)
        return reports.map { entry in
            let code = entry.report.currency.code
            let sold = sales[code] ?? 0
            // No figure when the receivables are too large to multiply (only absurd stored amounts).
            let (scaled, overflow) = entry.report.total.minorUnits.multipliedReportingOverflow(
                by: Int64(Self.dsoWindowDays))
            let dso = sold > 0 && !overflow ? Int(scaled / sold) : nil
            return CurrencyFigures(
                aging: entry.report, invoiceCount: entry.invoiceCount,
                collectedThisMonth: Money(minorUnits: collected[code] ?? 0, currency: entry.report.currency), dso: dso)
        }
    }

    /// The largest balances, ranked in the organisation's currency (reference rates), from the summaries.
    func topDebtors(limit: Int = 10) async throws -> [Debtor] {
        try await CustomerSummaries.current(in: context)
        let top = try await CustomerSummaries.largestOwed(
            organisationID: context.organisationID, limit: limit, on: context.db)
        let ids = top.map(\.id)
        let customers = try await Customer.query(on: context.db).filter(\.$id ~~ ids).all()
        return try top.compactMap { entry in
            guard let customer = customers.first(where: { $0.id == entry.id }) else { return nil }
            return Debtor(customer: customer, balances: try entry.summary.owed(), rank: entry.summary.owedBase)
        }
    }

    func promisesDueToday() async throws -> [(promise: PaymentPromise, customer: Customer)] {
        let promises = try await PaymentPromise.query(on: context.db).filter(
            \.$organisationID == context.organisationID
        )
        .filter(\.$status == .active).filter(\.$promisedOn == context.today.iso).with(\.$customer).all()
        return promises.map { ($0, $0.customer) }
    }

    /// Open disputes by how long they have been open: they should not linger. Counted in SQL (the
    /// opening day's ISO text against each bucket's first day), not read as a thousand models.
    func disputeAges() async throws -> [(bucket: String, count: Int)] {
        struct Row: Decodable {
            let recent: Int64
            let month: Int64
            let older: Int64
        }
        let weekAgo = context.today.addingClamped(days: -7).iso
        let monthAgo = context.today.addingClamped(days: -30).iso
        let row = try await context.db.sql.raw(
            """
            SELECT CAST(COALESCE(SUM(CASE WHEN opened_on >= \(bind: weekAgo) THEN 1 ELSE 0 END), 0) AS BIGINT) AS recent,
                   CAST(COALESCE(SUM(CASE WHEN opened_on < \(bind: weekAgo) AND opened_on >= \(bind: monthAgo) THEN 1 ELSE 0 END), 0) AS BIGINT) AS month,
                   CAST(COALESCE(SUM(CASE WHEN opened_on < \(bind: monthAgo) THEN 1 ELSE 0 END), 0) AS BIGINT) AS older
            FROM disputes WHERE organisation_id = \(bind: context.organisationID) AND status = 'open'
            """
        ).first(decoding: Row.self)
        return [("0_7", Int(row?.recent ?? 0)), ("8_30", Int(row?.month ?? 0)), ("31_plus", Int(row?.older ?? 0))]
    }

    func openTasksDue() async throws -> Int {
        try await CollectionTask.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .filter(\.$status == .open).filter(\.$dueOn <= context.today.iso).count()
    }
}

/// Everything the dashboard shows, read once as domain values.
struct DashboardPageData {
    let currencies: [DashboardQuery.CurrencyFigures]
    let debtors: [DashboardQuery.Debtor]
    /// Risk of the debtors shown, from their summaries.
    let risks: [UUID: RiskAssessment]
    let promisesToday: [(promise: PaymentPromise, customer: Customer)]
    let disputeAges: [(bucket: String, count: Int)]
    let tasksDue: Int
    let today: LocalDate

    static func read(in context: ServiceContext) async throws -> DashboardPageData {
        let query = DashboardQuery(context: context)
        let currencies = try await query.currencies()
        let top = try await query.topDebtors()
        let risks = try await CustomerSummaries.stored(
            organisationID: context.organisationID, customerIDs: try top.map { try $0.customer.requireID() },
            on: context.db
        ).mapValues(\.riskAssessment)
        return DashboardPageData(
            currencies: currencies, debtors: top, risks: risks, promisesToday: try await query.promisesDueToday(),
            disputeAges: try await query.disputeAges(), tasksDue: try await query.openTasksDue(), today: context.today)
    }
}
