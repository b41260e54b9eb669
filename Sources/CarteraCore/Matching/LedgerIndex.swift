import Foundation

/// The open invoices, numbered 0..<n, with the look-ups the rules need so that matching one line
/// never walks the whole ledger.
struct LedgerIndex: Sendable {
    struct CustomerCurrency: Hashable, Sendable {
        let customerID: UUID
        let currency: Currency
    }

    let invoices: [MatchableInvoice]
    let indexByID: [UUID: Int]
    /// A customer's invoices in one currency, oldest due first (then by number, as PaymentAllocator orders them).
    let byCustomer: [CustomerCurrency: [Int]]
    /// Invoices by their balance (amount and currency) for "exactly one invoice in the ledger has this amount".
    let byAmount: [Money: [Int]]

    /// Invoices without a positive balance are dropped, and an id given twice keeps its first invoice.
    init(_ all: [MatchableInvoice]) {
        var seen = Set<UUID>()
        let invoices = all.filter { $0.balance.isPositive && seen.insert($0.id).inserted }
        self.invoices = invoices
        indexByID = Dictionary(uniqueKeysWithValues: invoices.enumerated().map { ($1.id, $0) })
        var byCustomer: [CustomerCurrency: [Int]] = [:]
        var byAmount: [Money: [Int]] = [:]
        for (index, invoice) in invoices.enumerated() {
            byCustomer[
                CustomerCurrency(customerID: invoice.customerID, currency: invoice.balance.currency), default: []
            ].append(index)
            byAmount[invoice.balance, default: []].append(index)
        }
        for key in byCustomer.keys {
            byCustomer[key]!.sort {
                (invoices[$0].dueDate, invoices[$0].number) < (invoices[$1].dueDate, invoices[$1].number)
            }
        }
        self.byCustomer = byCustomer
        self.byAmount = byAmount
    }

    func invoices(of customerID: UUID, in currency: Currency) -> [Int] {
        byCustomer[CustomerCurrency(customerID: customerID, currency: currency)] ?? []
    }
}

/// What is still open of each invoice while one statement is matched line by line, so two lines
/// never get the same balance. Only invoices touched by earlier lines are stored.
struct OpenBalances: Sendable {
    private var settled: [Int: Int64] = [:]
    /// Touched invoices by their new balance: with `LedgerIndex.byAmount` (which holds untouched
    /// ones) it answers "which invoices owe exactly this now".
    private var byNewAmount: [Money: [Int]] = [:]

    func remaining(_ index: Int, in ledger: LedgerIndex) -> Int64 {
        settled[index] ?? ledger.invoices[index].balance.minorUnits
    }

    func isTouched(_ index: Int) -> Bool { settled[index] != nil }

    mutating func apply(_ allocations: [(invoice: Int, amount: Int64)], in ledger: LedgerIndex) {
        for allocation in allocations {
            let left = remaining(allocation.invoice, in: ledger) - allocation.amount
            precondition(left >= 0, "matcher allocated more than an invoice's balance")
            settled[allocation.invoice] = left
            if left > 0 {
                byNewAmount[
                    Money(minorUnits: left, currency: ledger.invoices[allocation.invoice].balance.currency), default: []
                ].append(allocation.invoice)
            }
        }
    }

    /// Open invoices of the whole ledger owing exactly `amount`, stopping after `limit` of them.
    func invoices(owing amount: Money, in ledger: LedgerIndex, limit: Int) -> [Int] {
        var found: [Int] = []
        // Balances only go down, so an untouched invoice is a candidate only if still untouched,
        // and a touched one only if its latest balance is this amount.
        for index in ledger.byAmount[amount] ?? [] where !isTouched(index) {
            found.append(index)
            if found.count == limit { return found }
        }
        for index in byNewAmount[amount] ?? [] where settled[index] == amount.minorUnits {
            found.append(index)
            if found.count == limit { return found }
        }
        return found
    }
}
