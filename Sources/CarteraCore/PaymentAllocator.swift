import Foundation

/// Decides which invoices an incoming payment (or credit) settles: the amounts asked for, or else
/// the oldest due first. What is left over stays with the customer as credit.
public struct PaymentAllocator: Sendable {
    public struct OpenItem: Hashable, Sendable {
        public let id: UUID
        public let dueDate: LocalDate
        public let number: String
        public let balance: Money

        public init(id: UUID, dueDate: LocalDate, number: String, balance: Money) {
            self.id = id
            self.dueDate = dueDate
            self.number = number
            self.balance = balance
        }
    }

    public struct Allocation: Hashable, Sendable {
        public let invoiceID: UUID
        public let amount: Money

        public init(invoiceID: UUID, amount: Money) {
            self.invoiceID = invoiceID
            self.amount = amount
        }
    }

    public struct Result: Sendable, Equatable {
        public let allocations: [Allocation]
        public let unallocated: Money
    }

    public init() {}

    public func allocateOldestFirst(_ amount: Money, to items: [OpenItem]) throws -> Result {
        try checkCurrencies(amount, items)
        var remaining = amount.minorUnits
        var allocations: [Allocation] = []
        let ordered = items.sorted { ($0.dueDate, $0.number) < ($1.dueDate, $1.number) }
        for item in ordered where remaining > 0 && item.balance.isPositive {
            let applied = min(remaining, item.balance.minorUnits)
            allocations.append(
                Allocation(invoiceID: item.id, amount: Money(minorUnits: applied, currency: amount.currency)))
            remaining -= applied
        }
        return Result(allocations: allocations, unallocated: Money(minorUnits: remaining, currency: amount.currency))
    }

    public func allocateExplicitly(_ amount: Money, requests: [Allocation], to items: [OpenItem]) throws -> Result {
        try checkCurrencies(amount, items)
        let byID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var requestedPerInvoice: [UUID: Int64] = [:]
        var total: Int64 = 0
        for (index, request) in requests.enumerated() {
            let field = "allocations[\(index)].amount"
            guard let item = byID[request.invoiceID] else {
                throw DomainError(
                    code: "unknown_invoice", field: "allocations[\(index)].invoice_id",
                    message:
                        "Invoice \(request.invoiceID) is not an open invoice of this customer in \(amount.currency.code)"
                )
            }
            guard request.amount.currency == amount.currency else {
                throw DomainError(
                    code: "currency_mismatch", field: field, message: "Allocations must be in \(amount.currency.code)")
            }
            guard request.amount.isPositive else {
                throw DomainError(
                    code: "invalid_amount", field: field, message: "Each allocation must be greater than zero")
            }
            // Checked: a request may list any number of allocations.
            let requested = try requestedPerInvoice[item.id, default: 0].checkedAdding(request.amount.minorUnits)
            requestedPerInvoice[item.id] = requested
            guard requested <= item.balance.minorUnits else {
                throw DomainError(
                    code: "overallocated", field: field,
                    message: "Invoice \(item.number) owes \(item.balance.decimalString); cannot apply more")
            }
            total = try total.checkedAdding(request.amount.minorUnits)
        }
        guard total <= amount.minorUnits else {
            throw DomainError(
                code: "overallocated", field: "allocations",
                message: "Allocations add up to more than the \(amount.decimalString) available")
        }
        return Result(
            allocations: requests, unallocated: Money(minorUnits: amount.minorUnits - total, currency: amount.currency))
    }

    private func checkCurrencies(_ amount: Money, _ items: [OpenItem]) throws {
        if let other = items.first(where: { $0.balance.currency != amount.currency }) {
            throw DomainError(
                code: "currency_mismatch",
                message:
                    "Invoice \(other.number) is in \(other.balance.currency.code), the amount in \(amount.currency.code)"
            )
        }
    }
}
