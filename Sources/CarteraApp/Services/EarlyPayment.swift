import CarteraCore
import Fluent
import Foundation

/// Early-payment discounts ("2/10 net 30"): the rule is `PaymentTerms.discountEarned`; this finds
/// the invoice a payment takes it on and records the discount as a settlement of its own.
enum EarlyPayment {
    /// The open invoice (oldest due first) whose discounted total this payment is, if any.
    static func invoiceTaking(_ amount: Money, customerID: UUID, paidOn: LocalDate, in context: ServiceContext)
        async throws -> Invoice?
    {
        try await RowLocks.lockOpenInvoices(customerID: customerID, on: context.db)
        let open = try await Invoice.query(on: context.db).filter(\.$customer.$id == customerID).filter(
            \.$currency == amount.currency.code
        )
        .filter(\.$status == .open).sort(\.$dueDate).sort(\.$number).all()
        return try open.first { try earned(by: amount, on: $0, paidOn: paidOn) != nil }
    }

    /// What paying an invoice today in one payment would earn: pay `pays` by `until` and `saves` is taken off.
    struct Offer: Sendable {
        let pays: Money
        let saves: Money
        let until: LocalDate
    }

    /// The early-payment discount a payment of the discounted total made `paidOn` would earn, if any.
    static func offer(on invoice: Invoice, paidOn: LocalDate) -> Offer? {
        guard invoice.status == .open, let terms = try? PaymentTerms(code: invoice.paymentTerms),
            let total = try? invoice.total, let pays = terms.discountedTotal(total),
            let issued = try? invoice.issued, let until = try? terms.discountDeadline(issuedOn: issued),
            let saves = try? earned(by: pays, on: invoice, paidOn: paidOn)
        else { return nil }
        return Offer(pays: pays, saves: saves, until: until)
    }

    /// After a payment's allocations: each one that paid an invoice's discounted total in time earns the rest.
    static func grantDiscounts(
        for plan: [PaymentAllocator.Allocation], of payment: Payment, paidOn: LocalDate, in context: ServiceContext
    ) async throws {
        for allocation in plan {
            guard let invoice = try await Invoice.find(allocation.invoiceID, on: context.db),
                let discount = try earned(
                    by: allocation.amount, on: invoice, paidOn: paidOn,
                    settledBefore: invoice.settledMinor - allocation.amount.minorUnits)
            else { continue }
            try await SettlementLedger.settle(
                invoice, kind: .discount, amount: discount, appliedOn: paidOn, earnedBy: try payment.requireID(),
                details: ["payment_id": try payment.requireID().uuidString, "terms": invoice.paymentTerms], in: context)
        }
    }

    private static func earned(by amount: Money, on invoice: Invoice, paidOn: LocalDate, settledBefore: Int64? = nil)
        throws -> Money?
    {
        guard let terms = try? PaymentTerms(code: invoice.paymentTerms) else { return nil }
        let settled = Money(minorUnits: settledBefore ?? invoice.settledMinor, currency: try invoice.currencyValue)
        return terms.discountEarned(
            total: try invoice.total, alreadySettled: settled, payment: amount, issued: try invoice.issued,
            paidOn: paidOn)
    }
}
