import CarteraCore
import Fluent
import Foundation
import SQLKit

/// How summaries are written and read: one row per customer, one per (customer, currency).
extension CustomerSummaries {
    private static let summaryColumns =
        ["customer_id", "organisation_id", "risk_level", "overdue_share_bp", "oldest_due_date"]
        + CreateCustomerSummaries.figureColumns
    private static let balanceColumns =
        ["customer_id", "organisation_id", "currency"] + CreateCustomerSummaries.balanceColumns

    /// Replaces the stored summaries of `customerIDs` with `summaries` (customers missing there have
    /// nothing to summarise any more and lose their rows).
    static func replace(
        _ customerIDs: [UUID], with summaries: [UUID: CustomerSummary], organisationID: UUID, on db: any Database
    ) async throws {
        let sql = try db.sql
        for group in customerIDs.chunks(of: SummaryComputation.groupSize) {
            try await sql.raw("DELETE FROM customer_summary_balances WHERE customer_id IN (\(binds: group))").run()
            try await sql.raw("DELETE FROM customer_summary_forecast WHERE customer_id IN (\(binds: group))").run()
            try await sql.raw("DELETE FROM customer_summaries WHERE customer_id IN (\(binds: group))").run()
        }
        try await insert(customerIDs.compactMap { id in summaries[id].map { (id, $0) } }, organisationID, on: sql)
    }

    static func insert(_ rows: [(UUID, CustomerSummary)], _ organisationID: UUID, on sql: any SQLDatabase)
        async throws
    {
        var summaries = SQLBatch("customer_summaries", summaryColumns)
        var balances = SQLBatch("customer_summary_balances", balanceColumns)
        var expected = SQLBatch(
            "customer_summary_forecast", ["customer_id", "organisation_id", "currency", "week", "amount_minor"])
        for (id, summary) in rows {
            let figures: [Int] = [
                summary.needsActionToday ? 1 : 0, summary.risk.paidCount, summary.risk.paidLateCount,
                summary.risk.averageDaysLate, summary.risk.p90DaysLate, summary.risk.brokenPromises,
                summary.risk.openDisputes, summary.maximumDaysOverdue, summary.callTasksDue, summary.letterTasksDue,
                summary.recentBrokenPromises, summary.newDisputes, summary.promisesDueToday,
            ]
            summaries.append(
                [
                    .uuid(id), .uuid(organisationID), .text(summary.riskLevel.rawValue),
                    .optionalInteger(summary.risk.overdueShareBasisPoints.map(Int64.init)),
                    .text(summary.oldestDueDate?.iso), .integer(summary.score),
                ] + figures.map { .integer(Int64($0)) } + [.integer(summary.owedBase), .integer(summary.overdueBase)]
                    + [summary.predictedInvoices, summary.dueDateInvoices, summary.planInstalments].map {
                        .integer(Int64($0))
                    })
            if summaries.isFull { try await summaries.flush(on: sql) }
            for balance in summary.balances {
                balances.append(
                    [.uuid(id), .uuid(organisationID), .text(balance.currency)]
                        + [
                            Int64(balance.invoices), balance.owed, balance.overdue, balance.unpausedOverdue,
                            Int64(balance.unpausedOverdueInvoices), balance.paused,
                        ].map { .integer($0) }
                        + balance.buckets.map { .integer($0) })
                if balances.isFull { try await balances.flush(on: sql) }
            }
            for week in summary.expected {
                expected.append([
                    .uuid(id), .uuid(organisationID), .text(week.currency), .integer(Int64(week.week)),
                    .integer(week.amount),
                ])
                if expected.isFull { try await expected.flush(on: sql) }
            }
        }
        try await summaries.flush(on: sql)
        try await balances.flush(on: sql)
        try await expected.flush(on: sql)
    }

    /// A ranking's answer: ids in order, whose summaries `stored` then reads whole.
    struct Ranked: Decodable { let customer_id: UUID }

    struct SummaryRow: Decodable {
        let customer_id: UUID
        let risk_level: String
        let overdue_share_bp: Int64?
        let oldest_due_date: String?
        let score: Int64
        let needs_action: Int64
        let paid_count: Int64
        let paid_late_count: Int64
        let average_days_late: Int64
        let p90_days_late: Int64
        let broken_promises: Int64
        let open_disputes: Int64
        let maximum_days_overdue: Int64
        let call_tasks_due: Int64
        let letter_tasks_due: Int64
        let recent_broken_promises: Int64
        let new_disputes: Int64
        let promises_due_today: Int64
        let owed_base_minor: Int64
        let overdue_base_minor: Int64
        let predicted_invoices: Int64
        let due_date_invoices: Int64
        let plan_instalments: Int64
    }

    struct ExpectedRow: Decodable {
        let customer_id: UUID
        let currency: String
        let week: Int64
        let amount_minor: Int64
    }

    struct BalanceRow: Decodable {
        let customer_id: UUID
        let currency: String
        let invoices: Int64
        let owed_minor: Int64
        let overdue_minor: Int64
        let unpaused_overdue_minor: Int64
        let unpaused_overdue_invoices: Int64
        let paused_minor: Int64
        let current_minor: Int64
        let days_1_30_minor: Int64
        let days_31_60_minor: Int64
        let days_61_90_minor: Int64
        let over_90_minor: Int64

        var balance: CustomerSummary.Balance {
            // The columns in `AgingBucket.allCases` order.
            let buckets = [current_minor, days_1_30_minor, days_31_60_minor, days_61_90_minor, over_90_minor]
            return CustomerSummary.Balance(
                currency: currency, invoices: Int(invoices), owed: owed_minor, overdue: overdue_minor,
                unpausedOverdue: unpaused_overdue_minor, paused: paused_minor, buckets: buckets,
                unpausedOverdueInvoices: Int(unpaused_overdue_invoices))
        }
    }

    /// Stored summaries read back: all of the organisation's (`customerIDs` nil) or those customers'.
    static func stored(organisationID: UUID, customerIDs: [UUID]? = nil, on db: any Database) async throws -> [UUID:
        CustomerSummary]
    {
        let sql = try db.sql
        var scope: SQLQueryString = "organisation_id = \(bind: organisationID)"
        if let customerIDs {
            if customerIDs.isEmpty { return [:] }
            scope += " AND customer_id IN (\(binds: customerIDs))"
        }
        let balanceRows = try await sql.raw(
            "SELECT * FROM customer_summary_balances WHERE \(scope) ORDER BY customer_id, currency"
        ).all(decoding: BalanceRow.self)
        var balances: [UUID: [CustomerSummary.Balance]] = [:]
        for row in balanceRows { balances[row.customer_id, default: []].append(row.balance) }
        let expectedRows = try await sql.raw(
            "SELECT customer_id, currency, week, amount_minor FROM customer_summary_forecast WHERE \(scope) ORDER BY customer_id, currency, week"
        ).all(decoding: ExpectedRow.self)
        var expected: [UUID: [CustomerSummary.ExpectedWeek]] = [:]
        for row in expectedRows {
            expected[row.customer_id, default: []].append(
                .init(currency: row.currency, week: Int(row.week), amount: row.amount_minor))
        }
        let rows = try await sql.raw("SELECT * FROM customer_summaries WHERE \(scope)").all(decoding: SummaryRow.self)
        var result: [UUID: CustomerSummary] = [:]
        for row in rows {
            var summary = row.summary(balances: balances[row.customer_id] ?? [])
            summary.expected = expected[row.customer_id] ?? []
            result[row.customer_id] = summary
        }
        return result
    }
}

extension CustomerSummaries.SummaryRow {
    func summary(balances: [CustomerSummary.Balance]) -> CustomerSummary {
        CustomerSummary(
            score: score, needsActionToday: needs_action != 0,
            risk: RiskProfile.Figures(
                paidCount: Int(paid_count), paidLateCount: Int(paid_late_count),
                averageDaysLate: Int(average_days_late), p90DaysLate: Int(p90_days_late),
                overdueShareBasisPoints: overdue_share_bp.map(Int.init), brokenPromises: Int(broken_promises),
                openDisputes: Int(open_disputes)),
            riskLevel: RiskLevel(rawValue: risk_level) ?? .low, maximumDaysOverdue: Int(maximum_days_overdue),
            callTasksDue: Int(call_tasks_due), letterTasksDue: Int(letter_tasks_due),
            recentBrokenPromises: Int(recent_broken_promises), newDisputes: Int(new_disputes),
            promisesDueToday: Int(promises_due_today), owedBase: owed_base_minor, overdueBase: overdue_base_minor,
            oldestDueDate: oldest_due_date.flatMap { try? LocalDate(iso: $0) }, balances: balances,
            predictedInvoices: Int(predicted_invoices), dueDateInvoices: Int(due_date_invoices),
            planInstalments: Int(plan_instalments))
    }
}

extension CustomerSummaries {
    static func count(organisationID: UUID, on db: any Database) async throws -> Int {
        struct Row: Decodable { let n: Int64 }
        let row = try await db.sql.raw(
            "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM customer_summaries WHERE organisation_id = \(bind: organisationID)"
        ).first(decoding: Row.self)
        return Int(row?.n ?? 0)
    }
}

/// Organisation-wide figures read from the summaries instead of from every invoice.
extension CustomerSummaries {
    /// Aging per currency: the sum of every customer's buckets, with the number of owed invoices.
    static func aging(organisationID: UUID, asOf: LocalDate, on db: any Database) async throws -> [(
        report: AgingReport, invoiceCount: Int
    )] {
        struct Row: Decodable {
            let currency: String
            let invoices: Int64
            let current_minor: Int64
            let days_1_30_minor: Int64
            let days_31_60_minor: Int64
            let days_61_90_minor: Int64
            let over_90_minor: Int64
        }
        let dialect = try db.dialect
        var columns: SQLQueryString = "currency"
        for column in ["invoices"] + bucketColumns {
            columns += ", " + dialect.moneySum("\(unsafeRaw: column)") + " AS \(unsafeRaw: column)"
        }
        let rows = try await db.sql.raw(
            """
            SELECT \(columns) FROM customer_summary_balances WHERE organisation_id = \(bind: organisationID)
            GROUP BY currency ORDER BY currency
            """
        ).all(decoding: Row.self)
        return try rows.map { row in
            let currency = try Currency(code: row.currency)
            var report = AgingReport(asOf: asOf, currency: currency)
            let amounts = [
                row.current_minor, row.days_1_30_minor, row.days_31_60_minor, row.days_61_90_minor, row.over_90_minor,
            ]
            for (bucket, amount) in zip(AgingBucket.allCases, amounts) {
                try report.add(amount: Money(minorUnits: amount, currency: currency), to: bucket)
            }
            return (report, Int(row.invoices))
        }
    }

    /// The customers owing most, in the organisation's currency, largest first (ties by id).
    static func largestOwed(organisationID: UUID, limit: Int, on db: any Database) async throws -> [(
        id: UUID, summary: CustomerSummary
    )] {
        let rows = try await db.sql.raw(
            """
            SELECT s.customer_id FROM customer_summaries s
            WHERE s.organisation_id = \(bind: organisationID)
              AND EXISTS (SELECT 1 FROM customer_summary_balances b WHERE b.customer_id = s.customer_id)
            ORDER BY s.owed_base_minor DESC, s.customer_id LIMIT \(unsafeRaw: String(max(0, limit)))
            """
        ).all(decoding: Ranked.self)
        let stored = try await stored(organisationID: organisationID, customerIDs: rows.map(\.customer_id), on: db)
        return rows.compactMap { row in stored[row.customer_id].map { (row.customer_id, $0) } }
    }

    /// The bucket columns in `AgingBucket.allCases` order.
    static let bucketColumns = [
        "current_minor", "days_1_30_minor", "days_31_60_minor", "days_61_90_minor", "over_90_minor",
    ]
}

extension CustomerSummaries {
    /// One customer's risk as of today, from its summary (brought up to date first).
    static func risk(of customerID: UUID, in context: ServiceContext) async throws -> RiskAssessment {
        try await current(in: context)
        return try await stored(organisationID: context.organisationID, customerIDs: [customerID], on: context.db)[
            customerID]?.riskAssessment ?? RiskQuery.noHistory
    }
}

extension CustomerSummaries {
    struct ForecastFigures {
        struct Week: Decodable {
            let currency: String
            let week: Int
            let amount: Int64
        }
        let weeks: [Week]
        let settledInvoices: Int
        let predicted: Int
        let byDueDate: Int
        let instalments: Int
    }

    /// The organisation's expected collections per currency and week, summed over its customers, with
    /// the model's counts.
    static func forecastFigures(organisationID: UUID, on db: any Database) async throws -> ForecastFigures {
        struct Counts: Decodable {
            let predicted: Int64?
            let by_due_date: Int64?
            let instalments: Int64?
        }
        struct Settled: Decodable { let pattern_settled: Int64? }
        let sql = try db.sql
        let dialect = try db.dialect
        let weeks = try await sql.raw(
            """
            SELECT currency, CAST(week AS BIGINT) AS week, \(dialect.moneySum("amount_minor")) AS amount
            FROM customer_summary_forecast WHERE organisation_id = \(bind: organisationID)
            GROUP BY currency, week ORDER BY currency, week
            """
        ).all(decoding: ForecastFigures.Week.self)
        let counts = try await sql.raw(
            """
            SELECT CAST(SUM(predicted_invoices) AS BIGINT) AS predicted, CAST(SUM(due_date_invoices) AS BIGINT) AS by_due_date,
                   CAST(SUM(plan_instalments) AS BIGINT) AS instalments
            FROM customer_summaries WHERE organisation_id = \(bind: organisationID)
            """
        ).first(decoding: Counts.self)
        let settled = try await sql.raw(
            "SELECT pattern_settled FROM summary_days WHERE organisation_id = \(bind: organisationID)"
        ).first(decoding: Settled.self)
        return ForecastFigures(
            weeks: weeks, settledInvoices: Int(settled?.pattern_settled ?? 0), predicted: Int(counts?.predicted ?? 0),
            byDueDate: Int(counts?.by_due_date ?? 0), instalments: Int(counts?.instalments ?? 0))
    }
}
