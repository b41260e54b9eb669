import CarteraCore
import Fluent
import Foundation

/// The 13-week cash forecast: every open invoice's balance on the day the payment-date model
/// predicts for it, except invoices in an active payment plan, which are expected as the plan's
/// unpaid instalments on their due dates instead (never both). Week bucketing is `CashForecast`'s;
/// each customer's weeks are computed by `SummaryComputation` and stored with its summary.
struct CollectionsForecast {
    let asOf: LocalDate
    let forecast: CashForecast
    /// Paid invoices the model learned from.
    let settledInvoices: Int
    /// Open invoices predicted by the model, by the due date (no history at all), and plan instalments counted.
    let predicted: Int
    let byDueDate: Int
    let instalments: Int

    /// Summed from every customer's expected weeks in the stored summaries (`CustomerSummaries`,
    /// computed by `SummaryComputation` with the day's payment pattern), brought up to date first.
    static func build(in context: ServiceContext) async throws -> CollectionsForecast {
        try await CustomerSummaries.current(in: context)
        let today = context.today
        let figures = try await CustomerSummaries.forecastFigures(
            organisationID: context.organisationID, on: context.db)
        let firstMonday = today.addingClamped(days: 1 - today.weekday)
        // One item per (currency, week) on the week's Monday: `CashForecast` puts each back in its week.
        let items = try figures.weeks.map { row in
            CashForecast.Expected(
                amount: Money(minorUnits: row.amount, currency: try Currency(code: row.currency)),
                date: firstMonday.addingClamped(days: 7 * row.week))
        }
        return CollectionsForecast(
            asOf: today, forecast: try CashForecast(asOf: today, openItems: items, instalments: []),
            settledInvoices: figures.settledInvoices, predicted: figures.predicted, byDueDate: figures.byDueDate,
            instalments: figures.instalments)
    }

    /// Currencies present in the weeks or beyond them, sorted by code.
    var currencies: [Currency] {
        Set(forecast.weeks.flatMap { $0.amounts.map(\.currency) } + forecast.beyondHorizon.map(\.currency)).sorted {
            $0.code < $1.code
        }
    }

    func beyondHorizon(in currency: Currency) -> Money {
        forecast.beyondHorizon.first { $0.currency == currency } ?? .zero(currency)
    }

    /// Σ of the weeks and beyond: what is expected in all, equal to the open balance.
    func total(in currency: Currency) throws -> Money {
        try forecast.total(in: currency).saturatingAdding(beyondHorizon(in: currency))
    }

    /// For the API and the CSV: how the dates were predicted.
    static let modelNote =
        "Open invoices are expected on the predicted payment date: the due date plus the customer's median delay "
        + "(shrunk toward the organisation's median when the customer has few paid invoices; disputed invoices from the customer's disputed history). "
        + "Invoices in an active payment plan are expected as the plan's unpaid instalments on their due dates. "
        + "Anything expected before today counts in the first week."
}
