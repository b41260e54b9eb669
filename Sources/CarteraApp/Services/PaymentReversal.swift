import CarteraCore
import Fluent
import Foundation

/// A payment whose money came back (a bounced check, a returned transfer): its allocations and any
/// discount it earned are taken back, reopening the invoices, in one audited transaction. The payment
/// stays on record, marked reversed.
enum PaymentReversal {
    static func reverse(_ payment: Payment, reason: String?, in context: ServiceContext) async throws -> Payment {
        let why = try FieldParser.text(reason, "reason", maxLength: 500)
        guard payment.reversedOn == nil else {
            throw ServiceError.conflict(
                "payment_reversed", "The payment was already reversed on \(payment.reversedOn ?? "")")
        }
        let paymentID = try payment.requireID()
        return try await context.transaction { tx in
            try await RowLocks.lockOpenInvoices(customerID: payment.$customer.id, on: tx.db)
            let rows = try await Allocation.query(on: tx.db).group(.or) {
                $0.filter(\.$payment.$id == paymentID).filter(\.$earnedByPaymentID == paymentID)
            }.all()
            for row in rows {
                try await row.delete(on: tx.db)
                guard let invoice = try await Invoice.find(row.$invoice.id, on: tx.db) else { continue }
                try await SettlementLedger.refresh(invoice, on: tx.db)
                try await AuditLog.record(
                    "invoice.settlement_reversed", entityType: "invoice", entityID: try invoice.requireID(),
                    details: [
                        "kind": row.kind.rawValue,
                        "amount": Money(minorUnits: row.amountMinor, currency: try invoice.currencyValue).decimalString,
                        "payment_id": paymentID.uuidString, "balance_after": try invoice.balance.decimalString,
                        "number": invoice.number,
                    ], in: tx)
            }
            payment.reversedOn = tx.today.iso
            payment.reversalReason = why
            try await SettlementLedger.refresh(payment, on: tx.db)
            try await AuditLog.record(
                "payment.reversed", entityType: "payment", entityID: paymentID,
                details: [
                    "reason": why,
                    "amount": Money(minorUnits: payment.amountMinor, currency: try Currency(code: payment.currency))
                        .decimalString,
                    "customer_id": payment.$customer.id.uuidString,
                ], in: tx)
            return payment
        }
    }
}
