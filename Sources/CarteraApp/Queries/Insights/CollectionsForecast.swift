import CarteraCore
import Fluent
import Foundation

/// The 13-week cash forecast: every open invoice's balance on the day the payment-date model
/// predicts for it, except invoices in an active payment plan, which are expected as the plan's
/// unpaid instalments on their due dates instead (never both). Week bucketing is `CashForecast`'s.
struct CollectionsForecast {
    let asOf: LocalDate
    let forecast: CashForecast
    /// Paid invoices the model learned from.
    let settledInvoices: Int
    /// Open invoices predicted by the model, by the due date (no history at all), and plan instalments counted.
    let predicted: Int
    let byDueDate: Int
    let instalments: Int

    static func build(in context: ServiceContext) async throws -> CollectionsForecast {
        let today = context.today
        let plans = try await PaymentPlan.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .filter(\.$status == .active).all()
        var planned = Set<UUID>()
        var instalments: [CashForecast.Expected] = []
        for plan in plans {
            planned.formUnion(plan.coveredInvoiceIDs)
            for standing in try await PaymentPlanService.standing(of: plan, on: context.db, asOf: today) {
                let unpaid = try standing.instalment.amount.subtracting(standing.paid)
                if unpaid.isPositive { instalments.append(.init(amount: unpaid, date: standing.instalment.dueDate)) }
            }
        }
        let open = try await Invoice.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .owed().all().filter { !planned.contains($0.id!) }
        let predictor = try await PaymentHistory.predictor(organisationID: context.organisationID, on: context.db)
        let disputed = try await PaymentHistory.openlyDisputed(organisationID: context.organisationID, on: context.db)
        var predicted = 0
        let items = try open.map { invoice -> CashForecast.Expected in
            let due = try invoice.due
            let prediction = predictor.predict(
                customer: invoice.$customer.id.uuidString, dueDate: due, invoiceDate: try invoice.issued,
                disputed: disputed.contains(invoice.id!))
            if prediction != nil { predicted += 1 }
            return .init(amount: try invoice.balance, date: prediction?.date ?? due)
        }
        return CollectionsForecast(
            asOf: today, forecast: try CashForecast(asOf: today, openItems: items, instalments: instalments),
            settledInvoices: predictor.settledCount, predicted: predicted, byDueDate: items.count - predicted,
            instalments: instalments.count)
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
