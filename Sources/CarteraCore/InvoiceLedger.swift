public enum InvoiceStatus: String, Codable, Sendable, CaseIterable {
    case draft, open
    case partiallyPaid = "partially_paid"
    case paid, void
    case writtenOff = "written_off"
}

/// One amount that reduces an invoice's balance.
public struct InvoiceSettlement: Hashable, Codable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case payment
        case creditNote = "credit_note"
        case writeOff = "write_off"
        case discount
    }

    public let kind: Kind
    public let amount: Money

    public init(kind: Kind, amount: Money) {
        self.kind = kind
        self.amount = amount
    }
}

/// The balance and status of one invoice, derived from its total and what settled it, so they can
/// never drift apart: balance = total − settlements, and the status follows from the balance.
public struct InvoiceLedger: Sendable, Equatable {
    public let total: Money
    public let settlements: [InvoiceSettlement]
    public let isDraft: Bool
    public let isVoid: Bool

    public init(total: Money, settlements: [InvoiceSettlement] = [], isDraft: Bool = false, isVoid: Bool = false) {
        self.total = total
        self.settlements = settlements
        self.isDraft = isDraft
        self.isVoid = isVoid
    }

    public var settled: Money {
        // Settlements never exceed the bounded total, so saturation is only a guard against traps.
        Money(minorUnits: settlements.saturatingSum(\.amount.minorUnits), currency: total.currency)
    }

    public var balance: Money {
        isVoid
            ? .zero(total.currency)
            : Money(minorUnits: total.minorUnits.saturatingAdding(settled.negated.minorUnits), currency: total.currency)
    }

    public var status: InvoiceStatus {
        if isVoid { return .void }
        if isDraft { return .draft }
        if balance.isZero {
            let writtenOff = settlements.contains { $0.kind == .writeOff }
            return writtenOff ? .writtenOff : .paid
        }
        return settled.isZero ? .open : .partiallyPaid
    }

    /// A settlement must be positive, in the invoice's currency and no more than what is still owed.
    public func applying(_ settlement: InvoiceSettlement) throws -> InvoiceLedger {
        guard !isVoid, !isDraft else {
            throw DomainError(
                code: "invoice_not_open", message: "A \(isVoid ? "void" : "draft") invoice cannot be settled")
        }
        guard settlement.amount.currency == total.currency else {
            throw DomainError(
                code: "currency_mismatch",
                message: "The invoice is in \(total.currency.code), not \(settlement.amount.currency.code)")
        }
        guard settlement.amount.isPositive else {
            throw DomainError(code: "invalid_amount", message: "A settlement must be greater than zero")
        }
        guard settlement.amount.minorUnits <= balance.minorUnits else {
            throw DomainError(
                code: "overallocated",
                message: "\(settlement.amount.decimalString) is more than the balance \(balance.decimalString)")
        }
        return InvoiceLedger(total: total, settlements: settlements + [settlement], isDraft: isDraft, isVoid: isVoid)
    }

    /// Takes back one settlement (a bounced payment, an undone credit), reopening the invoice.
    public func removing(_ settlement: InvoiceSettlement) throws -> InvoiceLedger {
        guard let index = settlements.firstIndex(of: settlement) else {
            throw DomainError(code: "unknown_settlement", message: "The invoice has no such settlement")
        }
        var remaining = settlements
        remaining.remove(at: index)
        return InvoiceLedger(total: total, settlements: remaining, isDraft: isDraft, isVoid: isVoid)
    }
}
