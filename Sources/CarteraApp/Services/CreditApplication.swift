import CarteraCore
import Fluent
import Foundation

/// Decides how much of a customer's credit (a payment or a credit note) goes to which invoice.
enum CreditApplication {
    /// Explicit requests when given, else oldest due first. Must run inside the transaction, after
    /// `RowLocks.lockOpenInvoices`, so the balances it reads are the ones it writes against.
    static func plan(
        available: Money,
        customerID: UUID,
        requests: [AllocationInput]?,
        in context: ServiceContext
    ) async throws -> [PaymentAllocator.Allocation] {
        try await RowLocks.lockOpenInvoices(customerID: customerID, on: context.db)
        let items = try await SettlementLedger.openItems(
            customerID: customerID, currency: available.currency, on: context.db)
        let allocator = PaymentAllocator()
        do {
            guard let requests else {
                return try allocator.allocateOldestFirst(available, to: items).allocations
            }
            let parsed = try requests.enumerated().map { index, request in
                PaymentAllocator.Allocation(
                    invoiceID: try FieldParser.required(request.invoiceId, "allocations[\(index)].invoice_id"),
                    amount: try FieldParser.money(
                        try FieldParser.required(request.amount, "allocations[\(index)].amount"),
                        currency: available.currency, "allocations[\(index)].amount"))
            }
            return try allocator.allocateExplicitly(available, requests: parsed, to: items).allocations
        } catch let error as DomainError {
            throw ServiceError(error, field: "allocations")
        }
    }

    /// The chosen invoices, oldest due first, each up to its balance; what is left is not allocated.
    /// Every chosen invoice must be an open invoice of the customer in the amount's currency.
    static func plan(
        available: Money, customerID: UUID, settling invoiceIDs: [UUID], in context: ServiceContext
    ) async throws -> [PaymentAllocator.Allocation] {
        guard !invoiceIDs.isEmpty else {
            throw ServiceError.invalid("invoice_ids", code: "no_invoice_chosen", "Choose at least one invoice")
        }
        try await RowLocks.lockOpenInvoices(customerID: customerID, on: context.db)
        let chosen = Set(invoiceIDs)
        let items = try await SettlementLedger.openItems(
            customerID: customerID, currency: available.currency, on: context.db
        ).filter { chosen.contains($0.id) }
        guard items.count == chosen.count else {
            throw ServiceError.invalid(
                "invoice_ids", code: "unknown_invoice",
                "Every chosen invoice must be an open invoice of this customer in \(available.currency.code)")
        }
        do {
            return try PaymentAllocator().allocateOldestFirst(available, to: items).allocations
        } catch let error as DomainError {
            throw ServiceError(error, field: "invoice_ids")
        }
    }

    /// Applies what is left of a payment or credit note: explicit allocations, or oldest first.
    static func applyRemaining<Source: CreditSource>(
        _ source: Source, _ input: ApplyCreditInput, in context: ServiceContext
    ) async throws -> Source {
        try await context.transaction { tx in
            guard let fresh = try await Source.find(source.requireID(), on: tx.db) else {
                throw ServiceError.notFound(Source.entityName)
            }
            let available = try fresh.remaining
            guard available.isPositive else {
                throw ServiceError.conflict(
                    "no_credit_left",
                    "The \(Source.entityName.replacingOccurrences(of: "_", with: " ")) is fully applied")
            }
            let plan = try await plan(
                available: available, customerID: fresh.customerID, requests: input.allocations, in: tx)
            try await SettlementLedger.apply(plan, from: fresh, appliedOn: tx.today, in: tx)
            return fresh
        }
    }
}
