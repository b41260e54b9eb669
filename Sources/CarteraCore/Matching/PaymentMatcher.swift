import Foundation

/// Proposes which open invoices an incoming bank payment settles.
///
/// Rules, tried in order (thresholds in `PaymentMatcher.Confidence` and `PaymentMatcher.Limits`):
///
/// 0. Only credits are matched: a debit or zero line is `.notACredit`.
/// 1. `.reference` — invoice numbers or invoice payment references found in the structured
///    reference, remittance text or end-to-end id (in that order), compared as whole tokens after
///    removing accents, case and punctuation ("fe 1001" = "FE-1001", never inside "FE-10010").
///    Digits-only numbers need ≥ 4 digits; other references ≥ 3 characters with a digit. Invoices
///    get the money in the order named, each up to its balance, the rest stays unallocated.
///    Invoices of another customer than the first named are ignored (confidence −15). Confidence
///    98 when the amount equals what the named invoices owe, else 85. Same currency only; when a
///    number is shared by several invoices, the customer identified by rule 2 decides.
///    If every named invoice is already paid, the line goes to that customer as `.customerOnly`.
/// 2. The customer, when no invoice is named: a customer payment reference in the text (then
///    `.customerReference`: oldest first, 85, or 70 if credit is left), else the counterparty
///    account (letters and digits only), else a tax id in the text (digits only, with or without
///    check digit), else the counterparty name (no accents, case, punctuation or legal form like
///    S.A.S./LTDA/S. DE R.L.; equal, or one containing the other as ≥ 2 whole words). A signal
///    counts only when it names exactly one customer.
/// 3. With a customer (same currency, balances still open): one invoice owing exactly the amount
///    → `.exactAmount` 90 (the oldest of several: 75); else a set of the customer's 30 oldest open
///    invoices adding up exactly → `.combination` 80 (fewest invoices, then oldest; search bounded
///    to `Limits.combinationSearchBudget` = 100,000 nodes, under 1 ms, else no combination); else
///    `.customerOnly` 40, allocated oldest first like `PaymentAllocator`. Customers recognised
///    only by name get 5 less.
/// 4. Without a customer: exactly one open invoice in the ledger owes the amount and the line
///    shares a distinctive word (≥ 3 letters, not an article or a word like "Comercializadora")
///    with its customer's name → `.exactAmount` 60; else `.none`.
///
/// Build once per ledger: `init` indexes invoices and customers so matching a line costs a few
/// dictionary look-ups plus work proportional to one customer's invoices (never a ledger scan).
public struct PaymentMatcher: Sendable {
    let ledger: LedgerIndex
    let customers: CustomerIndex
    let references: ReferenceIndex
    let customerIndexByID: [UUID: Int]

    public init(invoices: [MatchableInvoice], customers: [MatchableCustomer]) {
        var seen = Set<UUID>()
        let uniqueCustomers = customers.filter { seen.insert($0.id).inserted }
        self.init(
            ledger: LedgerIndex(invoices), customers: CustomerIndex(uniqueCustomers),
            customerIndexByID: Dictionary(uniqueKeysWithValues: uniqueCustomers.enumerated().map { ($1.id, $0) }))
    }

    /// The customers' indexes are kept, the invoices' built anew (see `including`).
    init(ledger: LedgerIndex, customers: CustomerIndex, customerIndexByID: [UUID: Int]) {
        let uniqueCustomers = customers.customers
        self.ledger = ledger
        self.customers = customers
        self.customerIndexByID = customerIndexByID
        var references = ReferenceIndex()
        for (index, invoice) in ledger.invoices.enumerated() {
            references.add(invoice.number, for: .invoice(index), isPaymentReference: false)
            if let reference = invoice.paymentReference {
                references.add(reference, for: .invoice(index), isPaymentReference: true)
            }
        }
        for (index, customer) in uniqueCustomers.enumerated() {
            if let reference = customer.paymentReference {
                references.add(reference, for: .customer(index), isPaymentReference: true)
            }
        }
        self.references = references
    }

    /// Matches one line against the open balances as given.
    public func match(_ line: BankStatementLine) -> PaymentMatch {
        let decision = decide(line, analyse(line), OpenBalances())
        return decision.paymentMatch(for: line, in: ledger)
    }

    /// Matches the lines of one statement in order; what earlier lines allocated is no longer open
    /// for later ones, so no invoice balance is allocated twice. Reading the lines (tokens,
    /// references, customer) runs in parallel; allocating is sequential.
    public func matchAll(_ lines: [BankStatementLine]) -> [PaymentMatch] {
        let analyses = analyseAll(lines)
        var balances = OpenBalances()
        var matches: [PaymentMatch] = []
        matches.reserveCapacity(lines.count)
        for (line, analysis) in zip(lines, analyses) {
            let decision = decide(line, analysis, balances)
            balances.apply(decision.allocations, in: ledger)
            matches.append(decision.paymentMatch(for: line, in: ledger))
        }
        return matches
    }

    /// What a line says, independent of balances: references named, customer recognised, words.
    struct LineAnalysis: Sendable {
        var hits: [[ReferenceIndex.Target]] = []
        var identified: (customer: Int, evidence: CustomerEvidence)?
        var words: [String] = []
    }

    func analyse(_ line: BankStatementLine) -> LineAnalysis {
        var analysis = LineAnalysis()
        guard line.amount.isPositive else { return analysis }
        let texts = [line.structuredReference ?? "", line.remittanceText, line.endToEndID ?? ""].filter { !$0.isEmpty }
        for text in texts {
            let tokens = MatchText.tokens(text)
            analysis.hits += references.scan(tokens: tokens) // fields are scanned apart: no reference spans two
            analysis.words += tokens
        }
        analysis.words += MatchText.tokens(line.counterpartyName ?? "")
        analysis.identified = customers.identify(line, texts: texts)
        return analysis
    }

    private func analyseAll(_ lines: [BankStatementLine]) -> [LineAnalysis] {
        let chunkSize = 256
        guard lines.count > chunkSize else { return lines.map(analyse) }
        let chunks = (lines.count + chunkSize - 1) / chunkSize
        let results = ChunkResults<LineAnalysis>(chunks: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (chunk * chunkSize)..<min(lines.count, (chunk + 1) * chunkSize)
            results.store(lines[range].map(analyse), at: chunk)
        }
        return results.joined()
    }
}

/// Per-chunk results written from concurrent workers; each chunk slot is written exactly once.
private final class ChunkResults<Element>: @unchecked Sendable {
    private var slots: [[Element]]
    private let lock = NSLock()

    init(chunks: Int) { slots = Array(repeating: [], count: chunks) }

    func store(_ elements: [Element], at chunk: Int) {
        lock.lock()
        slots[chunk] = elements
        lock.unlock()
    }

    func joined() -> [Element] { slots.flatMap { $0 } }
}
