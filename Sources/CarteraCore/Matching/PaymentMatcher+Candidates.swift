import Foundation

/// Matching a statement without reading every open invoice: the caller fetches only the invoices
/// the lines can reach, in two steps, and the rules run on them unchanged.
///
/// 1. `referenceKeys(in:)`: every run of consecutive tokens (at most
///    `Limits.maximumReferenceTokens`) of each field the reference rule scans, in compact form.
///    The caller fetches the open invoices whose compact number is one of them and builds a matcher
///    over those and all customers.
/// 2. `followUps(for:)` on that matcher: the customers whose invoices rules 1–3 may allocate to and
///    the amounts rule 4 may look up. The caller fetches those customers' open invoices and the open
///    invoices owing those amounts, and matches with `including(_:)`.
///
/// Why the result equals matching against every open invoice, rule by rule:
/// - Rule 1 (`.reference`): the scan only finds an invoice whose compact number equals a run of the
///   line's tokens, and every such invoice is fetched in step 1. Invoices fetched later have other
///   keys, so they are never a scan's hit and cannot change which run is the longest: the hits (and
///   so the named invoices and their order) are the full ledger's. When every named invoice is
///   paid, the money goes oldest first to the owner, and every hit's owner is fetched in step 2.
/// - Rule 2 (`.customerReference`, and the customer by account, tax id or name): customers are all
///   given, so the same customer is found; rule 1's hits are the full ledger's, so the same rule
///   applies. That customer's open invoices are all fetched in step 2.
/// - Rule 3 (exact amount, combination, oldest first) reads only the identified customer's open
///   invoices, all fetched in step 2, in the same order (due date, then number).
/// - Rule 4 (amount alone) runs only for a line naming no usable invoice and with no customer; its
///   amount is asked for in step 2, so every open invoice owing it is there. Invoices whose balance
///   an earlier line of the statement changed were candidates of that earlier line.
/// - Balances carried from line to line only touch invoices already among the candidates.
extension PaymentMatcher {
    /// The compact keys (`MatchText.compact`) a line's reference, remittance text and end-to-end id
    /// could name an invoice by: each run of up to `maximumReferenceTokens` tokens that
    /// `ReferenceIndex.isSearchable` would look for.
    public static func referenceKeys(in lines: [BankStatementLine]) -> Set<String> {
        var keys = Set<String>()
        for line in lines where line.amount.isPositive {
            for text in [line.structuredReference ?? "", line.remittanceText, line.endToEndID ?? ""] {
                let tokens = MatchText.tokens(text)
                for start in tokens.indices {
                    var key = ""
                    for end in start..<min(tokens.count, start + Limits.maximumReferenceTokens) {
                        key += tokens[end]
                        if ReferenceIndex.isSearchable(key) { keys.insert(key) }
                    }
                }
            }
        }
        return keys
    }

    /// What else the lines need once the invoices they name are known (see the type's comment).
    public struct FollowUps: Sendable, Equatable {
        /// Customers whose open invoices a rule may allocate to.
        public var customerIDs: Set<UUID> = []
        /// Amounts of lines that may end in rule 4.
        public var amounts: Set<Money> = []
    }

    /// The customers and amounts the lines may need, asked of a matcher built over the invoices
    /// found by `referenceKeys(in:)`. A superset is harmless; missing one would change a result.
    public func followUps(for lines: [BankStatementLine]) -> FollowUps {
        var needs = FollowUps()
        for line in lines where line.amount.isPositive {
            let analysis = analyse(line)
            var referencedCustomers = Set<Int>()
            var namesAnInvoice = false
            for hit in analysis.hits {
                var owners = Set<UUID>()
                for target in hit {
                    switch target {
                    case .invoice(let index):
                        let invoice = ledger.invoices[index]
                        needs.customerIDs.insert(invoice.customerID)
                        if invoice.balance.currency == line.amount.currency { owners.insert(invoice.customerID) }
                    case .customer(let index):
                        referencedCustomers.insert(index)
                        needs.customerIDs.insert(customers.customers[index].id)
                    }
                }
                // Without a recognised customer a reference names an invoice only when its invoices are one customer's.
                if owners.count == 1 { namesAnInvoice = true }
            }
            if let identified = analysis.identified {
                needs.customerIDs.insert(customers.customers[identified.customer].id)
            } else if referencedCustomers.count != 1, !namesAnInvoice {
                needs.amounts.insert(line.amount)
            }
        }
        return needs
    }

    /// The same customers with more invoices (duplicates of those already there are ignored).
    public func including(_ invoices: [MatchableInvoice]) -> PaymentMatcher {
        PaymentMatcher(
            ledger: LedgerIndex(ledger.invoices + invoices), customers: customers,
            customerIndexByID: customerIndexByID)
    }
}
