import CarteraCore
import Fluent
import Foundation
import SQLKit

/// Twelve months of the report's figures, for its trend charts, each currency apart. A month is read
/// as it stood at its close: its last day, or the report's `to` for the month `to` falls in.
///
/// - **DSO of a month** is the countback DSO at the month's close, exactly as the report computes it
///   for a period ending that day (`CollectionMetrics.countbackDSO` over `CollectionReport.countbackPeriods`):
///   the receivables open at the close are matched against that month's credit sales (counting the
///   month's days up to the close), then the whole months before it, newest first; each month fully
///   covered adds its days, the last one adds the covered share of its days.
/// - **Collected in a month** is the payments received in it (by their received day, up to the close),
///   in their currency; a reversed payment does not count, since its money came back.
/// - **Aging of a month** is the open receivables at its close split by days past due at that day, with
///   the buckets of the aging report (`AgingBucket`); "open" is `LedgerHistory`'s definition.
///
/// Three set-based queries whatever the number of months, over the ledger's changes kept per day
/// (`LedgerChanges`, `CollectionDays`): the aging at every close, the monthly credit sales, the
/// monthly payments.
struct ReportTrends {
    struct Month: Equatable {
        let start: LocalDate
        /// The month's close: its last day, or `to`.
        let end: LocalDate
    }

    struct Point: Equatable {
        let dso: CollectionMetrics.CountbackDSO
        let collected: Money
        let aging: AgingReport
    }

    struct CurrencyTrend: Equatable {
        let currency: Currency
        /// One per month, oldest first.
        let points: [Point]
    }

    static let monthCount = 12

    let months: [Month]
    let currencies: [CurrencyTrend]

    /// The `count` months ending with the month of `to`, oldest first.
    static func months(endingOn to: LocalDate, count: Int = monthCount) -> [Month] {
        (0..<count).reversed().compactMap { back in
            guard let start = try? to.startOfMonth.adding(months: -back) else { return nil }
            return Month(start: start, end: back == 0 ? to : start.endOfMonth)
        }
    }

    static func build(endingOn to: LocalDate, in context: ServiceContext) async throws -> ReportTrends {
        let months = months(endingOn: to)
        guard let first = months.first else { return ReportTrends(months: [], currencies: []) }
        let organisationID = context.organisationID
        let aging = try await agingAtCloses(months.map(\.end), organisationID: organisationID, on: context.db)
        // Each close counts back up to `countbackMonths` months: the sales go back that far before the first.
        let salesFrom = (try? first.start.adding(months: -CollectionReport.countbackMonths)) ?? first.start
        let sales = try await LedgerHistory.monthlyCreditSales(
            organisationID: organisationID, from: salesFrom, to: to, db: context.db)
        let collected = try await CollectionDays.monthly(
            organisationID: organisationID, from: first.start, to: to, on: context.db)
        let codes = Set(aging.keys).union(collected.keys).sorted()
        let currencies = try codes.map { code in
            let currency = try Currency(code: code)
            let points = try months.map { month in
                let report = aging[code]?[month.end.iso] ?? AgingReport(asOf: month.end, currency: currency)
                let periods = CollectionReport.countbackPeriods(endingOn: month.end).map {
                    CollectionMetrics.Period(
                        creditSales: Money(minorUnits: sales[code]?[$0.key] ?? 0, currency: currency), days: $0.days)
                }
                return Point(
                    dso: try CollectionMetrics.countbackDSO(receivables: report.total, periods: periods),
                    collected: Money(minorUnits: collected[code]?[Self.key(month.start)] ?? 0, currency: currency),
                    aging: report)
            }
            return CurrencyTrend(currency: currency, points: points)
        }
        return ReportTrends(months: months, currencies: currencies)
    }

    /// "2026-03": how the queries name a month.
    static func key(_ day: LocalDate) -> String { String(day.iso.prefix(7)) }

    /// Per currency code and close (ISO day): the aging report at that close. The closes are a
    /// derived table of days with each bucket's earliest due date, so SQL compares ISO text only;
    /// they are joined to the ledger's changes (`LedgerHistory.openChanges`), already summed per due
    /// date and day, rather than to every invoice once per close.
    static func agingAtCloses(_ closes: [LocalDate], organisationID: UUID, on db: any Database) async throws
        -> [String: [String: AgingReport]]
    {
        struct Row: Decodable {
            let month_close: String
            let currency: String
            let bucket: String
            let amount: Int64
        }
        guard let last = closes.max() else { return [:] }
        let bounded = AgingBucket.allCases.compactMap { bucket in bucket.maximumDaysPastDue.map { (bucket, $0) } }
        let openEnded = AgingBucket.allCases.first { $0.maximumDaysPastDue == nil } ?? .over90
        var table: SQLQueryString = ""
        for (index, close) in closes.enumerated() {
            table += index == 0 ? "SELECT " : " UNION ALL SELECT "
            table += "\(bind: close.iso) AS month_close"
            for (position, (_, days)) in bounded.enumerated() {
                table += ", \(bind: close.addingClamped(days: -days).iso) AS \(unsafeRaw: "from_\(position)")"
            }
        }
        let cases = bounded.enumerated().map { position, entry in
            "WHEN d.due_date >= m.from_\(position) THEN '\(entry.0.rawValue)'"
        }.joined(separator: " ")
        let bucket = "CASE \(cases) ELSE '\(openEnded.rawValue)' END"
        let dialect = try db.dialect
        let rows = try await db.sql.raw(
            """
            SELECT m.month_close, d.currency, \(unsafeRaw: bucket) AS bucket, \(dialect.moneySum("d.amount")) AS amount
            FROM (\(table)) m
            JOIN (\(LedgerHistory.openChanges(organisationID: organisationID, through: last, dialect: dialect))) d
              ON d.since <= m.month_close
            GROUP BY m.month_close, d.currency, \(unsafeRaw: bucket)
            """
        ).all(decoding: Row.self)
        var result: [String: [String: AgingReport]] = [:]
        // A bucket whose invoices are all settled by the close sums to zero: it holds nothing open.
        for row in rows where row.amount != 0 {
            let currency = try Currency(code: row.currency)
            guard let bucket = AgingBucket(rawValue: row.bucket) else { continue }
            let close = try LocalDate(iso: row.month_close)
            var report = result[row.currency]?[row.month_close] ?? AgingReport(asOf: close, currency: currency)
            try report.add(amount: Money(minorUnits: row.amount, currency: currency), to: bucket)
            result[row.currency, default: [:]][row.month_close] = report
        }
        return result
    }
}
