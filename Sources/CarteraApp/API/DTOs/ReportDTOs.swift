import CarteraCore
import Vapor

/// Aging by customer or by collector, one page: a row per owner and currency (an owner with two
/// currencies has two rows), largest overdue balance first within each currency, and the whole
/// organisation's totals per currency, the same on every page.
struct AgingBreakdownDTO: Content {
    struct Row: Content {
        /// The customer's or the collector's id; null for the unassigned row.
        let id: UUID?
        let name: String
        /// One entry: the row's currency.
        let currencies: [CurrencyAging]
    }
    struct CurrencyAging: Content {
        let currency: String
        /// bucket name -> amount, every bucket present.
        let buckets: [String: String]
        let total: String

        init(_ report: AgingReport) {
            currency = report.currency.code
            buckets = report.wireBuckets
            total = report.total.decimalString
        }
    }

    let asOf: String
    let rows: [Row]
    let page: Int
    let perPage: Int
    /// Rows over all pages.
    let total: Int
    let hasMore: Bool
    let totals: [CurrencyAging]

    init(_ page: AgingBreakdown.Page, totals: [AgingReport], asOf: LocalDate, unassigned: String = "unassigned") {
        self.asOf = asOf.iso
        rows = page.rows.map { row in
            Row(id: row.id, name: row.id == nil ? unassigned : row.name, currencies: [CurrencyAging(row.report)])
        }
        self.page = page.request.page
        perPage = page.request.perPage
        total = page.total
        hasMore = page.hasMore
        self.totals = totals.map(CurrencyAging.init)
    }
}

/// The collection report for a period; days and percentages as decimal strings.
struct CollectionReportDTO: Content {
    struct CurrencyFigures: Content {
        let currency: String
        let beginningReceivables: String
        let creditSales: String
        let endingReceivables: String
        let endingCurrent: String
        let dsoDays: String
        let dsoHistoryExhausted: Bool
        let ceiPercent: String?
        let bestPossibleDsoDays: String?
    }
    struct Promises: Content {
        let kept: Int
        let broken: Int
        let keptPercent: String?
    }
    struct Disputes: Content {
        let open: Int
        let averageAgeDays: String?
    }
    struct Step: Content {
        let step: String
        let sent: Int
        let paidWithin: Int
        let paidWithinPercent: String?
    }

    let from: String
    let to: String
    let withinDays: Int
    let currencies: [CurrencyFigures]
    let promises: Promises
    let disputes: Disputes
    let reminders: [Step]

    init(_ report: CollectionReport) {
        from = report.from.iso
        to = report.to.iso
        withinDays = report.withinDays
        currencies = report.currencies.map { figures in
            CurrencyFigures(
                currency: figures.currency.code, beginningReceivables: figures.beginning.decimalString,
                creditSales: figures.creditSales.decimalString, endingReceivables: figures.ending.total.decimalString,
                endingCurrent: figures.ending.current.decimalString,
                dsoDays: MetricText.tenths(figures.dso.tenthsOfDays),
                dsoHistoryExhausted: figures.dso.historyExhausted, ceiPercent: figures.cei.map(MetricText.basisPoints),
                bestPossibleDsoDays: figures.bestPossibleDSO.map(MetricText.tenths))
        }
        promises = Promises(
            kept: report.promisesKept, broken: report.promisesBroken,
            keptPercent: report.promisesKeptBasisPoints.map(MetricText.basisPoints))
        disputes = Disputes(
            open: report.disputes.open, averageAgeDays: report.disputes.averageAgeTenthsOfDays.map(MetricText.tenths))
        reminders = report.steps.map {
            Step(
                step: $0.key, sent: $0.effectiveness.sent, paidWithin: $0.effectiveness.paidWithin,
                paidWithinPercent: $0.effectiveness.paidWithinBasisPoints.map(MetricText.basisPoints))
        }
    }
}

/// Expected collections per week for the coming 13 weeks.
struct ForecastDTO: Content {
    struct Week: Content {
        let start: String
        let amounts: [AmountDTO]
    }
    struct Model: Content {
        let settledInvoices: Int
        let predictedInvoices: Int
        let invoicesByDueDate: Int
        let planInstalments: Int
        let note: String
    }

    let asOf: String
    let weeks: [Week]
    let beyondHorizon: [AmountDTO]
    /// Weeks plus beyond the horizon: everything expected, per currency.
    let totals: [AmountDTO]
    let model: Model

    init(_ result: CollectionsForecast) throws {
        asOf = result.asOf.iso
        weeks = result.forecast.weeks.map { Week(start: $0.start.iso, amounts: $0.amounts.map(AmountDTO.init)) }
        beyondHorizon = result.forecast.beyondHorizon.map(AmountDTO.init)
        totals = try result.currencies.map { AmountDTO(try result.total(in: $0)) }
        model = Model(
            settledInvoices: result.settledInvoices, predictedInvoices: result.predicted,
            invoicesByDueDate: result.byDueDate,
            planInstalments: result.instalments, note: CollectionsForecast.modelNote)
    }
}
