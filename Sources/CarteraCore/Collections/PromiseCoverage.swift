import Foundation

/// Which invoices a promise to pay covers when nobody named them: the oldest owed first (by due
/// date, then number, as payments are applied), so overdue invoices before those not yet due, until
/// their balances reach the promised amount. The last one may be only partly covered; it is still
/// covered (its reminders pause too). A promise for more than everything owed covers everything.
/// Only the covered invoices pause: a $15 M promise no longer silences $512 M.
public enum PromiseCoverage {
    public static func covered(by amount: Money, of items: [PaymentAllocator.OpenItem]) -> [UUID] {
        let owed = items.filter { $0.balance.currency == amount.currency && $0.balance.minorUnits > 0 }
            .sorted { ($0.dueDate, $0.number) < ($1.dueDate, $1.number) }
        var covered: [UUID] = []
        var reached: Int64 = 0
        for item in owed where reached < amount.minorUnits {
            covered.append(item.id)
            let (sum, overflow) = reached.addingReportingOverflow(item.balance.minorUnits)
            // past Int64 the promise is covered anyway
            reached = overflow ? .max : sum
        }
        return covered
    }
}
