import CarteraCore
import Fluent
import Foundation

/// When an open invoice is expected to be paid, from the organisation's settled history and the
/// customer's own (`PaymentDatePredictor`); nil while nothing has been paid yet.
enum PaymentPredictions {
    static func predict(_ invoice: Invoice, in context: ServiceContext) async throws -> PaymentPrediction? {
        guard invoice.status.isOwed else { return nil }
        let predictor = try await PaymentHistory.predictor(
            customerID: invoice.$customer.id, organisationID: context.organisationID, on: context.db)
        let disputed =
            try await Dispute.query(on: context.db).filter(\.$invoice.$id == invoice.requireID()).filter(
                \.$status == .open
            ).first() != nil
        return predictor.predict(
            customer: invoice.$customer.id.canonicalText, dueDate: try invoice.due, invoiceDate: try invoice.issued,
            disputed: disputed)
    }
}
