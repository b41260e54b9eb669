import Vapor

struct AgingController {
    /// Organisation-wide aging, one section per currency.
    func summary(req: Request) async throws -> AgingDTO {
        let context = try await req.serviceContext()
        let asOf = try FieldParser.optionalDate(try req.query.decode(AsOfQuery.self).asOf, "as_of") ?? context.today
        let reports = try await AgingQuery.reports(asOf: asOf, in: context)
        return AgingDTO(
            asOf: asOf.iso, currencies: reports.map { AgingDTO.CurrencyAging($0.report, invoiceCount: $0.invoiceCount) }
        )
    }
}
