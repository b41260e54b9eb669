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
        let dialect = try context.db.dialect
        let collected = try await sums(
            """
            SELECT currency, \(dialect.moneySum("amount_minor")) AS total FROM payments
            WHERE organisation_id = \(bind: context.organisationID) AND received_on >= \(bind: monthStart.iso) AND received_on <= \(bind: today.iso)
            GROUP BY currency
            """)
        let sales = try await sums(
            """
            SELECT currency, \(dialect.moneySum("total_minor")) AS total FROM invoices
            WHERE organisation_id = \(bind: context.organisationID) AND status NOT IN ('draft', 'void')
              AND issue_date > \(bind: today.addingClamped(days: -Self.dsoWindowDays).iso) AND issue_date <= \(bind: today.iso)
            GROUP BY currency
            """)
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

    /// Open disputes by how long they have been open: they should not linger.
    func disputeAges() async throws -> [(bucket: String, count: Int)] {
        let open = try await Dispute.query(on: context.db).filter(\.$organisationID == context.organisationID).filter(
            \.$status == .open
        ).all()
        var counts = ["0_7": 0, "8_30": 0, "31_plus": 0]
        for dispute in open {
            let age = (try? LocalDate(iso: dispute.openedOn)).map { $0.days(until: context.today) } ?? 0
            counts[age <= 7 ? "0_7" : age <= 30 ? "8_30" : "31_plus", default: 0] += 1
        }
        return ["0_7", "8_30", "31_plus"].map { ($0, counts[$0]!) }
    }

    func openTasksDue() async throws -> Int {
        try await CollectionTask.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .filter(\.$status == .open).filter(\.$dueOn <= context.today.iso).count()
    }

    private func sums(_ query: SQLQueryString) async throws -> [String: Int64] {
        struct Row: Decodable {
            let currency: String
            let total: Int64
        }
        let rows = try await context.db.sql.raw(query).all(decoding: Row.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.currency, $0.total) })
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
