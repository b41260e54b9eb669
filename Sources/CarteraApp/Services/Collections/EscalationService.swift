import CarteraCore
import Fluent
import Foundation
import Vapor

/// Handing an account to a collection agency or to legal (once friendly collection has
/// run its course), and writing off what will not be paid.
enum EscalationService {
    struct Input: Content {
        var agency: String?
        var note: String?
    }

    /// Stops every reminder (the agency speaks for us now) and records who has the case since when.
    static func escalate(_ customer: Customer, _ input: Input, in context: ServiceContext) async throws -> Customer {
        guard customer.escalatedOn == nil else {
            throw ServiceError.conflict(
                "already_escalated", "The account is already with \(customer.escalatedTo ?? "an agency")")
        }
        let agency = try FieldParser.text(input.agency, "agency", maxLength: 200)
        let note = try FieldParser.optionalText(input.note, "note", maxLength: 2_000)
        customer.escalatedTo = agency
        customer.escalatedOn = context.today.iso
        customer.doNotContact = true
        return try await context.transaction { tx in
            try await customer.save(on: tx.db)
            try await OutboxMessage.query(on: tx.db).filter(\.$customer.$id == customer.requireID())
                .filter(\.$status ~~ [.pending, .ready]).set(\.$status, to: .cancelled).update()
            try await AuditLog.record(
                "customer.escalated", entityType: "customer", entityID: try customer.requireID(),
                details: ["agency": agency, "note": note ?? ""], in: tx)
            return customer
        }
    }

    /// Takes the account back; reminders stay off until someone switches "do not contact" off.
    static func recall(_ customer: Customer, in context: ServiceContext) async throws -> Customer {
        guard let agency = customer.escalatedTo else {
            throw ServiceError.conflict("not_escalated", "The account is not with an agency")
        }
        customer.escalatedTo = nil
        customer.escalatedOn = nil
        return try await context.transaction { tx in
            try await customer.save(on: tx.db)
            try await AuditLog.record(
                "customer.recalled", entityType: "customer", entityID: try customer.requireID(),
                details: ["agency": agency], in: tx)
            return customer
        }
    }

    /// Writes off an invoice's whole remaining balance (admin only, checked by the route).
    static func writeOff(_ invoice: Invoice, reason: String?, in context: ServiceContext) async throws -> Invoice {
        let why = try FieldParser.text(reason, "reason", maxLength: 500)
        guard invoice.status.isOwed, invoice.balanceMinor > 0 else {
            throw ServiceError.conflict("invoice_not_open", "Only an invoice with a balance can be written off")
        }
        return try await context.transaction { tx in
            try await RowLocks.lockOpenInvoices(customerID: invoice.$customer.id, on: tx.db)
            let fresh = try await InvoiceService.find(try invoice.requireID(), in: tx)
            try await SettlementLedger.settle(
                fresh, kind: .writeOff, amount: try fresh.balance, appliedOn: tx.today, details: ["reason": why], in: tx
            )
            try await HoldService.releaseAll(invoiceID: try fresh.requireID(), in: tx)
            return fresh
        }
    }
}
