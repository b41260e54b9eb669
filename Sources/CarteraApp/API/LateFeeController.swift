import Vapor

struct LateFeeController {
    func list(req: Request) async throws -> [LateFeeDTO] {
        let query = try req.query.decode(LateFeeListQuery.self)
        let context = try await req.serviceContext()
        let status = try query.status.map { try FieldParser.enumValue($0, LateFeeStatus.self, "status") }
        return try await LateFeeService.fees(
            customerID: query.customerId, invoiceID: query.invoiceId, status: status,
            on: context.db, organisationID: context.organisationID
        ).map(LateFeeDTO.init)
    }

    func waive(req: Request) async throws -> LateFeeDTO {
        let input = try req.decodeBody(ReasonInput.self)
        let context = try await req.serviceContext()
        return try LateFeeDTO(
            try await LateFeeService.waive(
                try req.uuidParameter("lateFeeID", entity: "late_fee"), reason: input.reason, in: context))
    }
}
