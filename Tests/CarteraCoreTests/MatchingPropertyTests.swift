import Foundation
import Testing

@testable import CarteraCore

/// A large, reproducible ledger: `customers` customers with distinct made-up names, accounts and
/// tax ids, and `invoices` invoices spread over them. Balances are distinct within a customer.
struct GeneratedLedger {
    static let syllables = [
        "ba", "ca", "da", "fe", "ga", "li", "mo", "nu", "pa", "ri", "so", "ta", "ve", "zu", "lo", "mi",
    ]
    static let prefixes = [
        "Comercializadora", "Distribuidora", "Inversiones", "Ferretería", "Textiles", "Agroindustrial",
    ]
    static let suffixes = ["S.A.S.", "Ltda.", "S.A.", ""]

    var customers: [MatchableCustomer] = []
    var invoices: [MatchableInvoice] = []
    var invoicesOf: [[Int]] = []

    static func word(_ index: Int) -> String {
        (0..<4).map { syllables[(index >> (4 * $0)) & 15] }.joined().capitalized
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    init(customers customerCount: Int, invoices invoiceCount: Int, seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for index in 0..<customerCount {
            let name =
                "\(Self.prefixes[index % Self.prefixes.count]) \(Self.word(index)) \(Self.suffixes[index % Self.suffixes.count])"
            customers.append(
                MatchableCustomer(
                    id: UUID(), name: name, taxID: "9\(Self.padded(index, 8))-\(index % 10)",
                    bankAccounts: ["CO\(Self.padded(index, 10))"], paymentReference: nil))
        }
        invoicesOf = Array(repeating: [], count: customerCount)
        let start = try! LocalDate(iso: "2025-06-01")
        for index in 0..<invoiceCount {
            let owner = Int.random(in: 0..<customerCount, using: &rng)
            // k * 1000 + position keeps a customer's balances distinct.
            let balance = Int64.random(in: 1...5_000, using: &rng) * 1_000 + Int64(invoicesOf[owner].count)
            invoices.append(
                MatchableInvoice(
                    id: UUID(), customerID: customers[owner].id, number: "FV-\(Self.padded(index, 6))",
                    paymentReference: nil, balance: Money(minorUnits: balance, currency: .cop),
                    dueDate: start.addingClamped(days: Int.random(in: 0...365, using: &rng))))
            invoicesOf[owner].append(index)
        }
    }

    enum Kind: CaseIterable { case reference, accountExact, nameCombination, accountNoFit, noise }

    /// Lines of every kind in turn; each names invoices no earlier line used, so matchAll sees them open.
    func lines(_ count: Int, seed: UInt64) -> [(kind: Kind, customer: Int, invoices: [Int], line: BankStatementLine)] {
        var rng = SeededGenerator(seed: seed)
        var used = Set<Int>()
        var result: [(Kind, Int, [Int], BankStatementLine)] = []
        while result.count < count {
            let kind = Kind.allCases[result.count % Kind.allCases.count]
            let customer = Int.random(in: 0..<customers.count, using: &rng)
            let open = invoicesOf[customer].filter { !used.contains($0) }
            guard open.count >= 2 else { continue }
            let picked = Array(open.shuffled(using: &rng).prefix(kind == .nameCombination ? 2 : 1))
            let owed = picked.reduce(Int64(0)) { $0 + invoices[$1].balance.minorUnits }
            let bankName =
                Self.prefixes[customer % Self.prefixes.count].uppercased() + " " + Self.word(customer).uppercased()
                + " SAS"
            let account = customers[customer].bankAccounts[0]
            let line: BankStatementLine =
                switch kind {
                case .reference: statementLine(owed, text: "PAGO FACTURA \(invoices[picked[0]].number) GRACIAS")
                case .accountExact: statementLine(owed, text: "TRANSFERENCIA", account: account)
                case .nameCombination: statementLine(owed, text: "PAGO PROVEEDORES", name: bankName)
                case .accountNoFit:
                    statementLine(Int64.random(in: 1...999, using: &rng), text: "ABONO", account: account)
                case .noise:
                    statementLine(
                        Int64.random(in: 1...999, using: &rng),
                        text: "CONSIGNACION EFECTIVO \(Int.random(in: 1...99, using: &rng))")
                }
            switch kind {
            case .reference, .accountExact, .nameCombination: used.formUnion(picked)
            // customerOnly will take part of the oldest open invoice: no later line may count on its balance.
            case .accountNoFit:
                used.insert(
                    open.min {
                        (invoices[$0].dueDate, invoices[$0].number) < (invoices[$1].dueDate, invoices[$1].number)
                    }!)
            case .noise: break
            }
            result.append((kind, customer, picked, line))
        }
        return result
    }
}

@Suite struct MatchingPropertyTests {
    static let names = [
        "Comercializadora Los Andes S.A.S.", "Distribuidora Andina Ltda", "Textiles Pacífico",
        "Ferretería El Dorado SAS",
        "Inversiones Santa Fe S.A.", "Agroindustrial La Sabana",
    ]

    /// Checks what every match must satisfy, and returns nothing: failures are recorded.
    static func checkInvariants(_ match: PaymentMatch, _ line: BankStatementLine, _ byID: [UUID: MatchableInvoice]) {
        #expect((0...100).contains(match.confidence))
        #expect(match.unallocated.currency == line.amount.currency)
        guard line.amount.isPositive else {
            #expect(match.rule == .notACredit && match.allocations.isEmpty && match.unallocated == line.amount)
            return
        }
        let total = match.allocations.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        #expect(total + match.unallocated.minorUnits == line.amount.minorUnits)
        #expect(match.unallocated.minorUnits >= 0)
        #expect(Set(match.allocations.map(\.invoiceID)).count == match.allocations.count)
        for allocation in match.allocations {
            let invoice = byID[allocation.invoiceID]
            #expect(
                invoice != nil && allocation.amount.isPositive && allocation.amount.currency == line.amount.currency)
            #expect(
                invoice.map {
                    allocation.amount.minorUnits <= $0.balance.minorUnits && $0.balance.currency == line.amount.currency
                } == true)
            #expect(invoice?.customerID == match.customerID)
        }
    }

    @Test func allocationsAlwaysAddUpAndNeverExceedABalance() {
        var rng = SeededGenerator(seed: 2026)
        let pool: [Int64] = [10_000, 25_000, 40_000, 50_000, 75_000, 120_000]
        for _ in 0..<300 {
            var ledger = MatchingLedger()
            let customers = (0..<Int.random(in: 1...5, using: &rng)).map { index in
                ledger.customer(
                    Self.names[index], taxID: "80\(index)555444-\(index)", accounts: ["CO-77\(index)1234"],
                    reference: Bool.random(using: &rng) ? "CLI-\(index)900" : nil)
            }
            for index in 0..<Int.random(in: 0...25, using: &rng) {
                ledger.invoice(
                    "FX-\(1000 + index)", of: customers.randomElement(using: &rng)!,
                    pool.randomElement(using: &rng)! + Int64.random(in: 0...2, using: &rng) * 5_000,
                    due: "2026-0\(Int.random(in: 1...9, using: &rng))-1\(Int.random(in: 0...9, using: &rng))",
                    currency: Int.random(in: 0..<10, using: &rng) == 0 ? .usd : .cop)
            }
            var lines: [BankStatementLine] = []
            for _ in 0..<Int.random(in: 1...12, using: &rng) {
                let numbers =
                    ledger.invoices.isEmpty
                    ? []
                    : (0..<Int.random(in: 0...3, using: &rng)).map { _ in
                        ledger.invoices.randomElement(using: &rng)!.number
                    }
                let amount =
                    Int.random(in: 0..<3, using: &rng) == 0
                    ? pool.randomElement(using: &rng)! * Int64.random(in: 1...3, using: &rng)
                    : Int64.random(in: -50_000...300_000, using: &rng)
                let who = Int.random(in: 0..<customers.count, using: &rng)
                let clue = Int.random(in: 0..<5, using: &rng)
                lines.append(
                    statementLine(
                        amount,
                        text: (["pago"] + numbers + (clue == 0 ? ["CLI \(who)900"] : [])).joined(separator: " "),
                        name: clue == 1 ? Self.names[who].uppercased() : nil,
                        account: clue == 2 ? "CO77\(who)1234" : nil,
                        currency: Int.random(in: 0..<8, using: &rng) == 0 ? .usd : .cop))
            }
            let byID = Dictionary(uniqueKeysWithValues: ledger.invoices.map { ($0.id, $0) })
            let matcher = ledger.matcher
            let all = matcher.matchAll(lines)
            var allocated: [UUID: Int64] = [:]
            for (line, match) in zip(lines, all) {
                Self.checkInvariants(match, line, byID)
                Self.checkInvariants(matcher.match(line), line, byID)
                for allocation in match.allocations {
                    allocated[allocation.invoiceID, default: 0] += allocation.amount.minorUnits
                }
            }
            #expect(allocated.allSatisfy { $0.value <= byID[$0.key]!.balance.minorUnits })
        }
    }

    /// 100,000 invoices of 10,000 customers, 1,000 lines of every kind. Correctness only: timing is
    /// measured by the release benchmark, not asserted here.
    @Test func aLargeLedgerIsMatchedCorrectly() {
        let ledger = GeneratedLedger(customers: 10_000, invoices: 100_000, seed: 42)
        let lines = ledger.lines(1_000, seed: 7)
        let matcher = PaymentMatcher(invoices: ledger.invoices, customers: ledger.customers)
        let matches = matcher.matchAll(lines.map(\.line))
        #expect(matches.count == lines.count)
        for (expected, match) in zip(lines, matches) {
            let customerID = ledger.customers[expected.customer].id
            let ids = expected.invoices.map { ledger.invoices[$0].id }
            switch expected.kind {
            case .reference:
                #expect(
                    match.rule == .reference && match.allocations.map(\.invoiceID) == ids && match.unallocated.isZero)
            case .accountExact:
                #expect(
                    match.rule == .exactAmount && match.allocations.map(\.invoiceID) == ids
                        && match.customerID == customerID)
            case .nameCombination:
                // Another pair (or one invoice) may add up to the same amount; it must still be this customer's and exact.
                #expect(
                    [.combination, .exactAmount].contains(match.rule) && match.customerID == customerID
                        && match.unallocated.isZero)
            case .accountNoFit:
                #expect(
                    match.rule == .customerOnly && match.customerID == customerID && !match.allocations.isEmpty
                        && match.unallocated.isZero)
            case .noise:
                #expect(match.rule == .none && match.allocations.isEmpty)
            }
        }
    }
}
