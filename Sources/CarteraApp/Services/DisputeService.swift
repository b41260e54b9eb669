import CarteraCore
import Fluent
import Foundation

/// Disputes pause reminders for their invoice until resolved (they must be handled quickly
/// and clearly). Resolving with a credit note issues it against the invoice in the same transaction.
enum DisputeService {
    enum Resolution: String, CaseIterable {
        case creditNote = "credit_note", corrected, rejected
    }

    static func open(on invoice: Invoice, _ input: DisputeInput, in context: ServiceContext) async throws -> Dispute {
        guard invoice.status.isOwed else {
            throw ServiceError.conflict("invoice_not_open", "Only an invoice still owed can be disputed")
        }
        let existing = try await Dispute.query(on: context.db).filter(\.$invoice.$id == invoice.requireID()).filter(
            \.$status == .open
        ).count()
        guard existing == 0 else {
            throw ServiceError.conflict("dispute_already_open", "The invoice already has an open dispute")
        }
        let amount =
            try input.amount.map { try FieldParser.money($0, currency: try invoice.currencyValue, "amount") }
            ?? invoice.balance
        guard amount.minorUnits <= invoice.balanceMinor else {
            throw ServiceError.invalid(
                "amount", code: "overallocated",
                "The disputed amount cannot exceed the invoice's balance (\(try invoice.balance.decimalString))")
        }
        let dispute = Dispute()
        dispute.organisationID = context.organisationID
        dispute.$invoice.id = try invoice.requireID()
        dispute.status = .open
        dispute.reason = try FieldParser.text(input.reason, "reason", maxLength: 1_000)
        dispute.amountMinor = amount.minorUnits
        dispute.openedOn = context.today.iso
        return try await context.transaction { tx in
            try await dispute.create(on: tx.db)
            try await HoldService.hold(
                invoiceID: try invoice.requireID(), reason: .dispute, sourceID: try dispute.requireID(), until: nil,
                in: tx)
            try await AuditLog.record(
                "dispute.opened", entityType: "dispute", entityID: try dispute.requireID(),
                details: [
                    "invoice_id": try invoice.requireID().uuidString, "invoice": invoice.number,
                    "reason": dispute.reason,
                    "amount": amount.decimalString, "currency": invoice.currency,
                ], in: tx)
            return dispute
        }
    }

    static func resolve(_ dispute: Dispute, _ input: DisputeResolution, in context: ServiceContext) async throws
        -> Dispute
    {
        let resolution = try FieldParser.enumValue(
            try FieldParser.text(input.resolution, "resolution", maxLength: 40), Resolution.self, "resolution")
        guard dispute.status == .open else {
            throw ServiceError.conflict("dispute_not_open", "The dispute is already resolved")
        }
        let invoice = try await InvoiceService.find(dispute.$invoice.id, in: context)
        let note = try FieldParser.optionalText(input.note, "note", maxLength: 1_000)
        var creditNoteInput: CreditNoteInput?
        if resolution == .creditNote {
            let amount =
                try input.creditAmount
                ?? Money(minorUnits: dispute.amountMinor ?? invoice.balanceMinor, currency: try invoice.currencyValue)
                .decimalString
            creditNoteInput = CreditNoteInput(
                customerId: invoice.$customer.id, number: input.creditNoteNumber, issuedOn: nil, amount: amount,
                currency: invoice.currency, reason: note ?? dispute.reason, invoiceId: try invoice.requireID())
            _ = try FieldParser.text(input.creditNoteNumber, "credit_note_number", maxLength: 50)
        }
        let creditNote = creditNoteInput
        dispute.status = .resolved
        dispute.resolution = resolution.rawValue
        dispute.resolvedOn = context.today.iso
        return try await context.transaction { tx in
            var details = ["resolution": resolution.rawValue, "invoice": invoice.number]
            if let note { details["note"] = note }
            if let creditNote {
                let issued = try await CreditNoteService.create(creditNote, in: tx)
                details["credit_note"] = issued.number
            }
            try await dispute.save(on: tx.db)
            try await HoldService.release(sourceID: try dispute.requireID(), in: tx)
            try await AuditLog.record(
                "dispute.resolved", entityType: "dispute", entityID: try dispute.requireID(), details: details, in: tx)
            return dispute
        }
    }

    static func find(_ id: UUID, in context: ServiceContext) async throws -> Dispute {
        guard
            let dispute = try await Dispute.query(on: context.db).filter(\.$id == id).filter(
                \.$organisationID == context.organisationID
            ).first()
        else { throw ServiceError.notFound("dispute") }
        return dispute
    }
}
