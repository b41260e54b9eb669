import Vapor

/// What Cartera has learned about a customer and an invoice: risk and expected payment date.
struct InsightsController {
    func risk(req: Request) async throws -> RiskDTO {
        let context = try await req.serviceContext()
        let customer = try await CustomerService.find(
            try req.uuidParameter("customerID", entity: "customer"), in: context)
        let id = try customer.requireID()
        let risk = try await CustomerSummaries.risk(of: id, in: context)
        return RiskDTO(customerID: id, risk, asOf: context.today) { RiskText.text($0, req: req) }
    }

    func prediction(req: Request) async throws -> PredictionDTO {
        let context = try await req.serviceContext()
        let invoice = try await req.invoiceParameter(in: context)
        return PredictionDTO(
            invoiceID: try invoice.requireID(), try await PaymentPredictions.predict(invoice, in: context))
    }
}
