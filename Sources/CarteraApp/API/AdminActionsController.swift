import Fluent
import Vapor

/// Admin-only changes (the route group checks the role): writing off an invoice. And the audit
/// trail, which everyone may read.
struct AdminActionsController {
    func writeOff(req: Request) async throws -> InvoiceDTO {
        let input = try req.decodeBody(ReasonInput.self)
        let context = try await req.serviceContext()
        let invoice = try await req.invoiceParameter(in: context)
        let written = try await EscalationService.writeOff(invoice, reason: input.reason, in: context)
        return try InvoiceDTO(
            written,
            lines: try await InvoiceService.lines(of: [written], on: context.db)[try written.requireID()] ?? [],
            today: context.today)
    }

    /// Newest first; `entity_id` narrows to one thing's history.
    func auditEvents(req: Request) async throws -> [AuditEventDTO] {
        let context = try await req.serviceContext()
        let query = AuditEvent.query(on: context.db).filter(\.$organisationID == context.organisationID)
        if let raw = try? req.query.get(String.self, at: "entity_id") {
            guard let id = UUID(uuidString: raw) else {
                throw ServiceError.invalid("entity_id", "entity_id must be a UUID")
            }
            query.filter(\.$entityID == id)
        }
        let page = try PageRequest(
            page: try? req.query.get(Int.self, at: "page"), perPage: try? req.query.get(Int.self, at: "per_page"))
        return try await query.sort(\.$occurredAt, .descending).sort(\.$id).range(
            page.offset..<page.offset + page.perPage
        ).all().map(AuditEventDTO.init)
    }
}
