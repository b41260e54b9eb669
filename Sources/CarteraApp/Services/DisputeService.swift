import CarteraCore
import Fluent
import Foundation

/// Disputes pause reminders for their invoice until resolved (seed 003: handle disputes quickly
/// and clearly). The full resolution workflow (credit note, correction) comes with the workspace.
enum DisputeService {
    static let resolutions = ["credit_note", "corrected", "rejected"]

    static func open(on invoice: Invoice, _ input: DisputeInput, in context: ServiceContext) async throws -> Dispute {
        guard invoice.status == .open || invoice.status == .partiallyPaid else {
            throw APIError.conflict("invoice_not_open", "Only an invoice still owed can be disputed")
        }
        let existing = try await Dispute.query(on: context.db).filter(\.$invoice.$id == invoice.requireID()).filter(\.$status == .open).count()
        guard existing == 0 else { throw APIError.conflict("dispute_already_open", "The invoice already has an open dispute") }
        let dispute = Dispute()
        dispute.organisationID = context.organisationID
        dispute.$invoice.id = try invoice.requireID()
        dispute.status = .open
        dispute.reason = try FieldParser.text(input.reason, "reason", maxLength: 1_000)
        dispute.openedOn = context.today.iso
        return try await context.transaction { tx in
            try await dispute.create(on: tx.db)
            try await HoldService.hold(invoiceID: try invoice.requireID(), reason: .dispute, sourceID: try dispute.requireID(), until: nil, in: tx)
            try await AuditLog.record("dispute.opened", entityType: "dispute", entityID: try dispute.requireID(),
                                      details: ["invoice_id": try invoice.requireID().uuidString, "reason": dispute.reason], in: tx)
            return dispute
        }
    }

    static func resolve(_ dispute: Dispute, _ input: DisputeResolution, in context: ServiceContext) async throws -> Dispute {
        let resolution = try FieldParser.text(input.resolution, "resolution", maxLength: 40)
        guard resolutions.contains(resolution) else { throw APIError.invalid("resolution", "resolution must be one of: \(resolutions.joined(separator: ", "))") }
        guard dispute.status == .open else { throw APIError.conflict("dispute_not_open", "The dispute is already resolved") }
        dispute.status = .resolved
        dispute.resolution = resolution
        dispute.resolvedOn = context.today.iso
        return try await context.transaction { tx in
            try await dispute.save(on: tx.db)
            try await HoldService.release(sourceID: try dispute.requireID(), in: tx)
            try await AuditLog.record("dispute.resolved", entityType: "dispute", entityID: try dispute.requireID(), details: ["resolution": resolution], in: tx)
            return dispute
        }
    }

    static func find(_ id: UUID, in context: ServiceContext) async throws -> Dispute {
        guard let dispute = try await Dispute.query(on: context.db).filter(\.$id == id).filter(\.$organisationID == context.organisationID).first()
        else { throw APIError.notFound("dispute") }
        return dispute
    }
}
