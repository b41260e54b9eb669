import Foundation

/// A rule's outcome with invoices by ledger position, before it becomes a public `PaymentMatch`.
struct MatchDecision {
    var rule: MatchRule
    var confidence: Int
    var customerID: UUID?
    var allocations: [(invoice: Int, amount: Int64)] = []
    var explanation: String

    func paymentMatch(for line: BankStatementLine, in ledger: LedgerIndex) -> PaymentMatch {
        let currency = line.amount.currency
        let allocated = allocations.reduce(Int64(0)) { $0 + $1.amount }
        return PaymentMatch(
            rule: rule, confidence: confidence, customerID: customerID,
            allocations: allocations.map {
                MatchAllocation(
                    invoiceID: ledger.invoices[$0.invoice].id, amount: Money(minorUnits: $0.amount, currency: currency))
            },
            unallocated: Money(minorUnits: line.amount.minorUnits - allocated, currency: currency),
            explanation: explanation)
    }
}

extension PaymentMatcher {
    func decide(_ line: BankStatementLine, _ analysis: LineAnalysis, _ balances: OpenBalances) -> MatchDecision {
        guard line.amount.isPositive else {
            return MatchDecision(
                rule: .notACredit, confidence: 0, customerID: nil,
                explanation: "Not a credit: \(line.amount.decimalString)")
        }
        let named = namedInvoices(analysis, currency: line.amount.currency, balances)
        if !named.isEmpty { return reference(named, line, balances) }
        let referenced = Set(
            analysis.hits.joined().compactMap { target -> Int? in
                if case .customer(let index) = target { index } else { nil }
            })
        if referenced.count == 1, let customer = referenced.first {
            return customerReference(customers.customers[customer].id, line, balances)
        }
        if let (customer, evidence) = analysis.identified {
            return byCustomer(customers.customers[customer].id, evidence: evidence, line, balances)
        }
        return byAmountAlone(line, analysis, balances)
    }

    /// Rule 1: invoices named in the text, in order, one per reference found.
    private func namedInvoices(_ analysis: LineAnalysis, currency: Currency, _ balances: OpenBalances) -> [Int] {
        var named: [Int] = []
        for hit in analysis.hits {
            let candidates = hit.compactMap { target -> Int? in
                guard case .invoice(let index) = target, ledger.invoices[index].balance.currency == currency else {
                    return nil
                }
                return index
            }
            if let chosen = resolve(candidates, analysis, balances), !named.contains(chosen) { named.append(chosen) }
        }
        return named
    }

    /// One reference, several invoices with that number: only usable if they are one customer's,
    /// or the customer recognised otherwise owns some of them. Then the oldest still open.
    private func resolve(_ candidates: [Int], _ analysis: LineAnalysis, _ balances: OpenBalances) -> Int? {
        guard candidates.count > 1 else { return candidates.first }
        var pool = candidates
        if Set(pool.map { ledger.invoices[$0].customerID }).count > 1 {
            guard let identified = analysis.identified else { return nil }
            pool = pool.filter { ledger.invoices[$0].customerID == customers.customers[identified.customer].id }
        }
        let ordered = pool.sorted {
            (ledger.invoices[$0].dueDate, ledger.invoices[$0].number) < (
                ledger.invoices[$1].dueDate, ledger.invoices[$1].number
            )
        }
        return ordered.first { balances.remaining($0, in: ledger) > 0 } ?? ordered.first
    }

    private func reference(_ named: [Int], _ line: BankStatementLine, _ balances: OpenBalances) -> MatchDecision {
        let owner = ledger.invoices[named[0]].customerID
        let own = named.filter { ledger.invoices[$0].customerID == owner }
        let numbers = own.map { ledger.invoices[$0].number }.joined(separator: ", ")
        let open = own.filter { balances.remaining($0, in: ledger) > 0 }
        guard !open.isEmpty else {
            var decision = customerOnly(owner, line, balances, penalty: 0)
            decision.explanation = "\(numbers) named but already paid; " + decision.explanation
            return decision
        }
        var left = line.amount.minorUnits
        var owed: Int64 = 0
        var allocations: [(invoice: Int, amount: Int64)] = []
        for invoice in open {
            let remaining = balances.remaining(invoice, in: ledger)
            owed = owed.addingReportingOverflow(remaining).overflow ? .max : owed + remaining
            guard left > 0 else { continue }
            allocations.append((invoice, min(left, remaining)))
            left -= min(left, remaining)
        }
        var confidence = owed == line.amount.minorUnits ? Confidence.referenceExact : Confidence.referencePartial
        var explanation =
            "Named \(numbers); "
            + (owed == line.amount.minorUnits
                ? "amount equals what they owe"
                : owed > line.amount.minorUnits
                    ? "partial payment of \(Money(minorUnits: owed, currency: line.amount.currency).decimalString) owed"
                    : "overpaid by \(Money(minorUnits: line.amount.minorUnits - owed, currency: line.amount.currency).decimalString)")
        if own.count < named.count {
            confidence -= Confidence.otherCustomersNamedPenalty
            explanation += "; invoices of other customers ignored"
        }
        return MatchDecision(
            rule: .reference, confidence: confidence, customerID: owner, allocations: allocations,
            explanation: explanation)
    }

    private func customerReference(_ customerID: UUID, _ line: BankStatementLine, _ balances: OpenBalances)
        -> MatchDecision
    {
        let allocations = oldestFirst(customerID, line.amount, balances)
        let credit = line.amount.minorUnits - allocations.reduce(0) { $0 + $1.amount }
        let confidence =
            allocations.isEmpty
            ? Confidence.customerOnly
            : credit == 0 ? Confidence.customerReferenceSettled : Confidence.customerReferenceWithCredit
        return MatchDecision(
            rule: .customerReference, confidence: confidence, customerID: customerID, allocations: allocations,
            explanation: "Customer payment reference; oldest invoices first" + (credit > 0 ? ", credit left" : ""))
    }

    /// Rule 3: the customer is known; find what the amount pays.
    private func byCustomer(
        _ customerID: UUID, evidence: CustomerEvidence, _ line: BankStatementLine, _ balances: OpenBalances
    ) -> MatchDecision {
        let amount = line.amount.minorUnits
        let penalty = evidence == .name ? Confidence.identifiedByNamePenalty : 0
        let open = ledger.invoices(of: customerID, in: line.amount.currency).filter {
            balances.remaining($0, in: ledger) > 0
        }
        let exact = open.filter { balances.remaining($0, in: ledger) == amount }
        if let oldest = exact.first {
            return MatchDecision(
                rule: .exactAmount,
                confidence: (exact.count == 1 ? Confidence.exactAmount : Confidence.exactAmountAmongEqual) - penalty,
                customerID: customerID, allocations: [(oldest, amount)],
                explanation: "Customer by \(evidence.rawValue); \(ledger.invoices[oldest].number) owes exactly this"
                    + (exact.count > 1 ? " (oldest of \(exact.count))" : ""))
        }
        let window = Array(open.prefix(Limits.maximumCombinationInvoices))
        let values = window.map { balances.remaining($0, in: ledger) }
        if let picked = SubsetSum.find(values, target: amount, nodeBudget: Limits.combinationSearchBudget) {
            let invoices = picked.map { window[$0] }
            return MatchDecision(
                rule: .combination, confidence: Confidence.combination - penalty, customerID: customerID,
                allocations: invoices.map { ($0, balances.remaining($0, in: ledger)) },
                explanation:
                    "Customer by \(evidence.rawValue); \(invoices.map { ledger.invoices[$0].number }.joined(separator: " + ")) add up to the amount"
            )
        }
        var decision = customerOnly(customerID, line, balances, penalty: penalty)
        decision.explanation = "Customer by \(evidence.rawValue); " + decision.explanation
        return decision
    }

    private func customerOnly(_ customerID: UUID, _ line: BankStatementLine, _ balances: OpenBalances, penalty: Int)
        -> MatchDecision
    {
        MatchDecision(
            rule: .customerOnly, confidence: Confidence.customerOnly - penalty, customerID: customerID,
            allocations: oldestFirst(customerID, line.amount, balances),
            explanation: "no amount fits, oldest invoices first")
    }

    /// The customer's open invoices oldest first, as `PaymentAllocator` does for manual payments;
    /// only the prefix the amount can reach is handed to it, in the order it sorts by.
    private func oldestFirst(_ customerID: UUID, _ amount: Money, _ balances: OpenBalances) -> [(
        invoice: Int, amount: Int64
    )] {
        var items: [PaymentAllocator.OpenItem] = []
        var reached: Int64 = 0
        for index in ledger.invoices(of: customerID, in: amount.currency) where reached < amount.minorUnits {
            let remaining = balances.remaining(index, in: ledger)
            guard remaining > 0 else { continue }
            let invoice = ledger.invoices[index]
            items.append(
                .init(
                    id: invoice.id, dueDate: invoice.dueDate, number: invoice.number,
                    balance: Money(minorUnits: remaining, currency: amount.currency)))
            reached += remaining
        }
        // Every item is in the amount's currency, the only thing allocateOldestFirst can refuse.
        guard let result = try? PaymentAllocator().allocateOldestFirst(amount, to: items) else { return [] }
        return result.allocations.map { (ledger.indexByID[$0.invoiceID]!, $0.amount.minorUnits) }
    }

    /// Rule 4: no customer. A unique open invoice of exactly this amount, if the line shares a
    /// distinctive word with its customer's name.
    private func byAmountAlone(_ line: BankStatementLine, _ analysis: LineAnalysis, _ balances: OpenBalances)
        -> MatchDecision
    {
        let none = MatchDecision(
            rule: .none, confidence: 0, customerID: nil, explanation: "Nothing identifies the payer")
        let candidates = balances.invoices(owing: line.amount, in: ledger, limit: 2)
        guard candidates.count == 1, let invoice = candidates.first else { return none }
        let owner = ledger.invoices[invoice].customerID
        guard let customer = customerIndexByID[owner],
            let word = analysis.words.first(where: customers.meaningfulNameWords[customer].contains)
        else { return none }
        return MatchDecision(
            rule: .exactAmount, confidence: Confidence.amountAndNameWord, customerID: owner,
            allocations: [(invoice, line.amount.minorUnits)],
            explanation: "Only \(ledger.invoices[invoice].number) owes exactly this; text mentions \"\(word)\"")
    }
}
