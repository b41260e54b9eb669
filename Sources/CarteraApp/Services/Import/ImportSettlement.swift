import CarteraCore
import Foundation
import SQLKit

/// `SettlementLedger.refresh` for many invoices at once: settled amount, balance and status
/// recomputed from the allocation rows in one UPDATE per batch of imported payments. The status
/// rule is `InvoiceLedger.status` for issued invoices (imports only settle open ones).
enum ImportSettlement {
    static func refresh(_ invoiceIDs: [UUID], at now: Date, on sql: any SQLDatabase) async throws {
        let settled: SQLQueryString =
            "(SELECT CAST(COALESCE(SUM(a.amount_minor), 0) AS BIGINT) FROM allocations a WHERE a.invoice_id = invoices.id)"
        let writtenOff: SQLQueryString =
            "EXISTS (SELECT 1 FROM allocations w WHERE w.invoice_id = invoices.id AND w.kind = \(literal: InvoiceSettlement.Kind.writeOff.rawValue))"
        try await sql.raw(
            """
            UPDATE invoices SET settled_minor = \(settled), balance_minor = total_minor - \(settled),
                status = CASE WHEN total_minor - \(settled) = 0
                              THEN CASE WHEN \(writtenOff) THEN \(literal: InvoiceStatus.writtenOff.rawValue) ELSE \(literal: InvoiceStatus.paid.rawValue) END
                              WHEN \(settled) = 0 THEN \(literal: InvoiceStatus.open.rawValue)
                              ELSE \(literal: InvoiceStatus.partiallyPaid.rawValue) END,
                updated_at = \(bind: now)
            WHERE id IN (\(binds: invoiceIDs))
            """
        ).run()
    }
}
