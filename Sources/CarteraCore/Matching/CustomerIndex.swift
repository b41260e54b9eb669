/// How the customer of a line was recognised, strongest first.
enum CustomerEvidence: String, Sendable {
    case paymentReference = "payment reference"
    case bankAccount = "bank account"
    case taxID = "tax id"
    case name = "name"
}

/// Customers by normalised bank account, tax id and name, built once so a line is identified with
/// a handful of dictionary look-ups instead of a pass over every customer.
struct CustomerIndex: Sendable {
    let customers: [MatchableCustomer]
    private var byAccount: [String: [Int]] = [:]
    private var byTaxID: [String: [Int]] = [:]
    private var byName: [String: [Int]] = [:]
    /// Every run of two or more words of every name: finds customers whose name contains the line's.
    private var byNamePart: [String: [Int]] = [:]
    /// Words of each name that may tell it apart (rule 4).
    let meaningfulNameWords: [Set<String>]

    init(_ customers: [MatchableCustomer]) {
        self.customers = customers
        var meaningful: [Set<String>] = []
        meaningful.reserveCapacity(customers.count)
        for (index, customer) in customers.enumerated() {
            for account in customer.bankAccounts {
                let key = MatchText.compact(account)
                if key.count >= PaymentMatcher.Limits.minimumAccountLength { Self.insert(index, key, into: &byAccount) }
            }
            for key in MatchText.taxIDKeys(customer.taxID ?? "") { Self.insert(index, key, into: &byTaxID) }
            let words = MatchText.nameTokens(customer.name)
            if !words.isEmpty { Self.insert(index, words.joined(separator: " "), into: &byName) }
            for part in MatchText.nameParts(words) { Self.insert(index, part, into: &byNamePart) }
            meaningful.append(MatchText.meaningfulNameTokens(words))
        }
        meaningfulNameWords = meaningful
    }

    private static func insert(_ index: Int, _ key: String, into dictionary: inout [String: [Int]]) {
        if dictionary[key]?.last != index { dictionary[key, default: []].append(index) }
    }

    /// The one customer the line's account, tax id or name points at. Each signal counts only when
    /// it names exactly one customer; an ambiguous signal is skipped and the next one is tried.
    func identify(_ line: BankStatementLine, texts: [String]) -> (customer: Int, evidence: CustomerEvidence)? {
        if let account = line.counterpartyAccount, let customer = unique(byAccount[MatchText.compact(account)] ?? []) {
            return (customer, .bankAccount)
        }
        var taxMatches: [Int] = []
        for text in texts + [line.counterpartyName ?? "", line.counterpartyAccount ?? ""] {
            for candidate in MatchText.taxIDCandidates(in: text) { taxMatches += byTaxID[candidate] ?? [] }
        }
        if let customer = unique(taxMatches) { return (customer, .taxID) }
        if let name = line.counterpartyName, let customer = identify(name: name) { return (customer, .name) }
        return nil
    }

    /// Fuzzy name equality: equal without accents, case, punctuation and legal form; failing that,
    /// one name contains the other as two or more whole consecutive words. Unique matches only.
    func identify(name: String) -> Int? {
        let words = MatchText.nameTokens(name)
        guard !words.isEmpty else { return nil }
        if let exact = byName[words.joined(separator: " ")] { return unique(exact) }
        var contained: [Int] = []
        // the customer's name is longer
        if words.count >= 2 { contained += byNamePart[words.joined(separator: " ")] ?? [] }
        for part in MatchText.nameParts(words) { contained += byName[part] ?? [] } // the line's name is longer
        return unique(contained)
    }

    private func unique(_ matches: [Int]) -> Int? {
        guard let first = matches.first, matches.allSatisfy({ $0 == first }) else { return nil }
        return first
    }
}
