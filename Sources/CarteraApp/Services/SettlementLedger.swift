import CarteraCore
import Fluent
import Foundation
import SQLKit

/// Keeps the stored balances of invoices, payments and credit notes equal to what their allocation
/// rows say. The only code that writes `settled_minor`, `balance_minor`, `status` and `allocated_minor`.
enum SettlementLedger {
    static func ledger(for invoice: Invoice, on db: any Database) async throws -> InvoiceLedger {
        let currency = try invoice.currencyValue
        let allocations = try await Allocation.query(on: db).filter(\.$invoice.$id == invoice.requireID()).all()
        let settlements = allocations.map {
            InvoiceSettlement(kind: $0.kind, amount: Money(minorUnits: $0.amountMinor, currency: currency))
        }
        return InvoiceLedger(
            total: try invoice.total, settlements: settlements,
            isDraft: invoice.status == .draft, isVoid: invoice.status == .void)
    }

    /// Recomputes and saves an invoice's derived amounts and status.
    static func refresh(_ invoice: Invoice, on db: any Database) async throws {
        let ledger = try await ledger(for: invoice, on: db)
        invoice.settledMinor = ledger.settled.minorUnits
        invoice.balanceMinor = ledger.balance.minorUnits
        invoice.status = ledger.status
        try await invoice.save(on: db)
    }

    static func refresh<Source: CreditSource>(_ source: Source, on db: any Database) async throws {
        source.allocatedMinor = try await allocatedTotal(
            column: Source.allocationColumn, id: source.requireID(), on: db)
        try await source.save(on: db)
    }

    /// Fluent's `sum` comes back as NUMERIC on PostgreSQL; the explicit cast keeps it an Int64 on both.
    private static func allocatedTotal(column: FieldKey, id: UUID, on db: any Database) async throws -> Int64 {
        struct Row: Decodable { let total: Int64 }
        let sql = try db.sql
        let row = try await sql.raw(
            """
            SELECT CAST(COALESCE(SUM(amount_minor), 0) AS BIGINT) AS total FROM allocations WHERE \(ident: column.description) = \(bind: id)
            """
        ).first(decoding: Row.self)
        return row?.total ?? 0
    }

    /// Applies amounts from one source (payment or credit note) to invoices, validating each against
    /// the invoice's ledger, then refreshes everything touched.
    static func apply<Source: CreditSource>(
        _ allocations: [PaymentAllocator.Allocation],
        from source: Source,
        appliedOn: LocalDate,
        in context: ServiceContext
    ) async throws {
        let kind = Source.settlementKind
        for (index, requested) in allocations.enumerated() {
            guard
                let invoice = try await Invoice.query(on: context.db)
                    .filter(\.$id == requested.invoiceID)
                    .filter(\.$organisationID == context.organisationID)
                    .first()
            else {
                throw ServiceError.invalid(
                    "allocations[\(index)].invoice_id", code: "unknown_invoice",
                    "Invoice \(requested.invoiceID) does not exist")
            }
            do {
                _ = try await ledger(for: invoice, on: context.db).applying(
                    InvoiceSettlement(kind: kind, amount: requested.amount))
            } catch let error as DomainError {
                throw ServiceError(error, field: "allocations[\(index)].amount")
            }
            let row = Allocation()
            row.organisationID = context.organisationID
            row.$invoice.id = try invoice.requireID()
            row.kind = kind
            if kind == .payment {
                row.$payment.id = try source.requireID()
            } else {
                row.$creditNote.id = try source.requireID()
            }
            row.amountMinor = requested.amount.minorUnits
            row.appliedOn = appliedOn.iso
            try await row.create(on: context.db)
            try await refresh(invoice, on: context.db)
            try await AuditLog.record(
                "invoice.settled", entityType: "invoice", entityID: try invoice.requireID(),
                details: [
                    "kind": kind.rawValue, "amount": requested.amount.decimalString, "currency": invoice.currency,
                    "balance_after": try invoice.balance.decimalString, "source_id": try source.requireID().uuidString,
                ], in: context)
        }
        try await refresh(source, on: context.db)
    }

    /// A settlement that comes from no payment or credit note: a write-off, or the discount an early
    /// payment earned (`earnedBy`). Validated against the invoice's ledger like any other.
    static func settle(
        _ invoice: Invoice, kind: InvoiceSettlement.Kind, amount: Money, appliedOn: LocalDate,
        earnedBy payment: UUID? = nil,
        details: [String: String] = [:], in context: ServiceContext
    ) async throws {
        do {
            _ = try await ledger(for: invoice, on: context.db).applying(InvoiceSettlement(kind: kind, amount: amount))
        } catch let error as DomainError {
            throw ServiceError(error, field: "amount")
        }
        let row = Allocation()
        row.organisationID = context.organisationID
        row.$invoice.id = try invoice.requireID()
        row.kind = kind
        row.amountMinor = amount.minorUnits
        row.appliedOn = appliedOn.iso
        row.earnedByPaymentID = payment
        try await row.create(on: context.db)
        try await refresh(invoice, on: context.db)
        try await AuditLog.record(
            kind == .writeOff ? "invoice.written_off" : "invoice.discount_applied", entityType: "invoice",
            entityID: try invoice.requireID(),
            details: details.merging([
                "amount": amount.decimalString, "currency": invoice.currency, "number": invoice.number,
                "balance_after": try invoice.balance.decimalString,
            ]) { $1 }, in: context)
    }

    /// Allocation rows of each source, by source id.
    static func allocations<Source: CreditSource>(of sources: [Source], on db: any Database) async throws -> [UUID:
        [Allocation]]
    {
        let ids = try sources.map { try $0.requireID() }
        guard !ids.isEmpty else { return [:] }
        let rows = try await Allocation.query(on: db).filter(
            .path([Source.allocationColumn], schema: Allocation.schema), .subset(inverse: false),
            .array(ids.map { .bind($0) })
        )
        .sort(\.$createdAt).all()
        return Dictionary(grouping: rows) { row in
            (Source.settlementKind == .payment ? row.$payment.id : row.$creditNote.id) ?? UUID()
        }
    }

    /// Open items of a customer in one currency, as the allocator sees them.
    static func openItems(customerID: UUID, currency: Currency, on db: any Database) async throws -> [PaymentAllocator
        .OpenItem]
    {
        try await Invoice.query(on: db)
            .filter(\.$customer.$id == customerID)
            .filter(\.$currency == currency.code)
            .owed()
            .sort(\.$dueDate).sort(\.$number)
            .all()
            .map {
                PaymentAllocator.OpenItem(
                    id: try $0.requireID(), dueDate: try $0.due, number: $0.number, balance: try $0.balance)
            }
    }
}
