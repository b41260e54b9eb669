import CarteraCore
import Fluent
import Foundation

/// When an open invoice is expected to be paid, from the organisation's settled history
/// (`PaymentDatePredictor`); nil while nothing has been paid yet.
enum PaymentPredictions {
    static func predict(_ invoice: Invoice, in context: ServiceContext) async throws -> PaymentPrediction? {
        guard invoice.status == .open || invoice.status == .partiallyPaid else { return nil }
        let predictor = try await PaymentHistory.predictor(organisationID: context.organisationID, on: context.db)
        let disputed = try await PaymentHistory.openlyDisputed(organisationID: context.organisationID, on: context.db)
        return predictor.predict(customer: invoice.$customer.id.uuidString, dueDate: try invoice.due, invoiceDate: try invoice.issued,
                                 disputed: disputed.contains(try invoice.requireID()))
    }
}
