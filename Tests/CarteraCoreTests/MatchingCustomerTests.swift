import Foundation
import Testing

@testable import CarteraCore

@Suite struct MatchingCustomerTests {
    @Test func customerByAccountWithExactAmount() {
        var ledger = MatchingLedger()
        let customer = ledger.customer("Textiles Pacífico Ltda", accounts: ["CO12 3456-7890 12"])
        ledger.invoice("TP-1", of: customer, 100_000, due: "2026-01-01")
        let target = ledger.invoice("TP-2", of: customer, 275_000, due: "2026-02-01")
        let match = ledger.matcher.match(statementLine(275_000, text: "TRANSFERENCIA", account: "co12-3456 789012"))
        #expect(match.rule == .exactAmount && match.customerID == customer)
        #expect(match.allocates([(target, 275_000)]))
        #expect(match.confidence == PaymentMatcher.Confidence.exactAmount)
    }

    @Test(arguments: [
        ("900.123.456-7", "NIT 9001234567 pago"), ("9001234567", "NIT. 900.123.456-7"),
        ("900.123.456-7", "nit 900123456 abono"),
    ])
    func customerByTaxIDWhateverThePunctuation(taxID: String, text: String) {
        var ledger = MatchingLedger()
        let customer = ledger.customer("Agroindustrial La Sabana", taxID: taxID)
        let invoice = ledger.invoice("AS-9", of: customer, 88_000)
        let match = ledger.matcher.match(statementLine(88_000, text: text))
        #expect(match.rule == .exactAmount && match.customerID == customer)
        #expect(match.allocates([(invoice, 88_000)]))
    }

    @Test(arguments: [
        ("Comercializadora Los Andes S.A.S.", "COMERCIALIZADORA LOS ANDES SAS"),
        ("Distribuciones Peña Ltda.", "DISTRIBUCIONES PENA LIMITADA"),
        ("Servicios Logísticos del Caribe S. de R.L.", "servicios logisticos del caribe"),
        ("Comercializadora Los Andes del Sur S.A.", "COMERCIALIZADORA LOS ANDES DEL"), // bank truncated the name
        ("Pacífico", "PACIFICO SAS"),
    ])
    func customerByFuzzyName(customerName: String, bankName: String) {
        var ledger = MatchingLedger()
        let customer = ledger.customer(customerName)
        ledger.customer("Ferretería El Dorado")
        let invoice = ledger.invoice("X-100", of: customer, 64_000)
        let match = ledger.matcher.match(statementLine(64_000, name: bankName))
        #expect(match.rule == .exactAmount && match.customerID == customer)
        #expect(match.allocates([(invoice, 64_000)]))
        #expect(
            match.confidence == PaymentMatcher.Confidence.exactAmount
                - PaymentMatcher.Confidence.identifiedByNamePenalty)
    }

    @Test func ambiguousNamesIdentifyNobody() {
        var ledger = MatchingLedger()
        let a = ledger.customer("Distribuidora Andina SAS")
        let b = ledger.customer("Distribuidora Andina Ltda")
        ledger.invoice("DA-1", of: a, 90_000)
        ledger.invoice("DB-1", of: b, 90_000)
        let match = ledger.matcher.match(statementLine(90_000, name: "DISTRIBUIDORA ANDINA"))
        #expect(match.rule == .none && match.customerID == nil && match.allocations.isEmpty)
        #expect(match.unallocated.minorUnits == 90_000)
        // A part of one name identifies it; a part of two names does not.
        let textil = ledger.customer("Los Andes Textil")
        ledger.invoice("LT-1", of: textil, 10_000)
        #expect(ledger.matcher.match(statementLine(90_000, name: "LOS ANDES")).customerID == textil)
        ledger.customer("Ferretería Los Andes")
        #expect(ledger.matcher.match(statementLine(90_000, name: "LOS ANDES")).rule == .none)
    }

    @Test func severalInvoicesOfTheSameAmountTakeTheOldestWithLessConfidence() {
        var ledger = MatchingLedger()
        let customer = ledger.customer("Textiles Pacífico Ltda", accounts: ["ES91 2100 0418 4502 0005 1332"])
        ledger.invoice("TP-3", of: customer, 50_000, due: "2026-03-01")
        let oldest = ledger.invoice("TP-1", of: customer, 50_000, due: "2026-01-01")
        ledger.invoice("TP-2", of: customer, 50_000, due: "2026-02-01")
        let match = ledger.matcher.match(statementLine(50_000, account: "ES9121000418450200051332"))
        #expect(match.rule == .exactAmount && match.allocates([(oldest, 50_000)]))
        #expect(match.confidence == PaymentMatcher.Confidence.exactAmountAmongEqual)
    }

    @Test func threeOfSixInvoicesAddUpToTheAmount() {
        var ledger = MatchingLedger()
        let customer = ledger.customer("Inversiones Santa Fe", accounts: ["0012345678"])
        let amounts: [Int64] = [110_000, 220_000, 370_000, 480_000, 530_000, 640_000]
        let ids = amounts.enumerated().map {
            ledger.invoice("SF-\($0.offset + 1)", of: customer, $0.element, due: "2026-01-\(10 + $0.offset)")
        }
        // 110 + 220 + 640 = 970; no one or two invoices make 970.
        let match = ledger.matcher.match(statementLine(970_000, account: "0012345678"))
        #expect(match.rule == .combination && match.customerID == customer)
        #expect(match.allocates([(ids[0], 110_000), (ids[1], 220_000), (ids[5], 640_000)]))
        #expect(match.unallocated.isZero && match.confidence == PaymentMatcher.Confidence.combination)
    }

    @Test func theCombinationWithFewestInvoicesWinsThenTheOldest() {
        var ledger = MatchingLedger()
        let customer = ledger.customer("Inversiones Santa Fe", accounts: ["0012345678"])
        let amounts: [Int64] = [100, 200, 300, 400, 500, 600]
        let ids = amounts.enumerated().map {
            ledger.invoice("SF-\($0.offset + 1)", of: customer, $0.element, due: "2026-01-\(10 + $0.offset)")
        }
        // 1000 = 100+300+600 = 100+200+300+400 = 400+600 = 500+... : the pair 400+600 is fewest.
        let pair = ledger.matcher.match(statementLine(1_000, account: "0012345678"))
        #expect(pair.allocates([(ids[3], 400), (ids[5], 600)]))
        // 700 = 100+600 = 200+500 = 300+400: the pair reaching the oldest invoice wins.
        #expect(
            ledger.matcher.match(statementLine(700, account: "0012345678")).allocates([(ids[0], 100), (ids[5], 600)]))
        // Everything owed: all six.
        #expect(ledger.matcher.match(statementLine(2_100, account: "0012345678")).allocations.count == 6)
    }

    @Test func customerKnownButNoAmountFitsGoesOldestFirstForReview() {
        var ledger = MatchingLedger()
        let customer = ledger.customer("Ferretería El Dorado", taxID: "800.555.444-1")
        let newer = ledger.invoice("FD-2", of: customer, 400_000, due: "2026-03-01")
        let older = ledger.invoice("FD-1", of: customer, 250_000, due: "2026-02-01")
        let matcher = ledger.matcher
        let some = matcher.match(statementLine(300_000, text: "NIT 8005554441"))
        #expect(some.rule == .customerOnly && some.customerID == customer)
        #expect(some.allocates([(older, 250_000), (newer, 50_000)]))
        #expect(some.confidence <= 40 && some.needsReview)
        let more = matcher.match(statementLine(1_000_000, text: "NIT 8005554441"))
        #expect(more.rule == .customerOnly && more.unallocated.minorUnits == 350_000)
    }

    @Test func amountAloneNeedsAUniqueInvoiceAndANameWord() {
        var ledger = MatchingLedger()
        let andes = ledger.customer("Comercializadora Los Andes S.A.S.")
        let invoice = ledger.invoice("FE-1", of: andes, 333_000)
        let other = ledger.customer("Textiles Pacífico Ltda")
        ledger.invoice("TP-1", of: other, 444_000)
        ledger.invoice("TP-2", of: other, 444_000)
        let matcher = ledger.matcher
        let guess = matcher.match(statementLine(333_000, text: "pago andes"))
        #expect(guess.rule == .exactAmount && guess.customerID == andes && guess.allocates([(invoice, 333_000)]))
        #expect(guess.confidence == PaymentMatcher.Confidence.amountAndNameWord && guess.needsReview)
        // Only generic words in common ("comercializadora"), or nothing: not enough.
        #expect(matcher.match(statementLine(333_000, text: "comercializadora")).rule == .none)
        #expect(matcher.match(statementLine(333_000, text: "pago")).rule == .none)
        // Two invoices of that amount: no guess even with a name word.
        #expect(matcher.match(statementLine(444_000, text: "pacifico")).rule == .none)
    }

    @Test func debitsAndZeroLinesAreNotMatched() {
        var ledger = MatchingLedger()
        let customer = ledger.customer("Textiles Pacífico Ltda", accounts: ["12345678"])
        ledger.invoice("FE-1001", of: customer, 100_000)
        for amount: Int64 in [-100_000, 0] {
            let match = ledger.matcher.match(statementLine(amount, text: "FE-1001", account: "12345678"))
            #expect(match.rule == .notACredit && match.allocations.isEmpty && match.confidence == 0)
            #expect(match.unallocated.minorUnits == amount)
        }
    }

    @Test func anotherCurrencyIsNeverMatched() {
        var ledger = MatchingLedger()
        let customer = ledger.customer("Textiles Pacífico Ltda", accounts: ["12345678"])
        ledger.invoice("FE-1001", of: customer, 100_000, currency: .cop)
        let dollars = ledger.invoice("FE-1002", of: customer, 75_000, currency: .usd)
        let matcher = ledger.matcher
        let named = matcher.match(statementLine(100_000, text: "FE-1001 pacifico", currency: .usd))
        #expect(named.rule == .none && named.allocations.isEmpty)
        let byAccount = matcher.match(statementLine(50_000, text: "FE-1001", account: "12345678", currency: .usd))
        #expect(byAccount.rule == .customerOnly && byAccount.allocates([(dollars, 50_000)]))
        #expect(byAccount.unallocated.currency == .usd)
        let euros = matcher.match(statementLine(100_000, account: "12345678", currency: .eur))
        #expect(euros.rule == .customerOnly && euros.allocations.isEmpty && euros.unallocated.minorUnits == 100_000)
    }
}

@Suite struct MatchingStatementTests {
    @Test func matchAllNeverAllocatesOneBalanceTwice() {
        var ledger = MatchingLedger()
        let customer = ledger.customer("Textiles Pacífico Ltda", accounts: ["12345678"])
        let first = ledger.invoice("TP-1", of: customer, 100_000, due: "2026-01-01")
        let second = ledger.invoice("TP-2", of: customer, 100_000, due: "2026-02-01")
        let matcher = ledger.matcher
        let lines = [
            statementLine(100_000, account: "12345678"), statementLine(100_000, account: "12345678"),
            statementLine(100_000, account: "12345678"),
        ]
        // One line at a time, each sees both invoices open.
        #expect(lines.map { matcher.match($0).split.first?.0 } == [first, first, first])
        let all = matcher.matchAll(lines)
        #expect(all[0].allocates([(first, 100_000)]) && all[1].allocates([(second, 100_000)]))
        #expect(all[2].rule == .customerOnly && all[2].allocations.isEmpty && all[2].unallocated.minorUnits == 100_000)
    }

    @Test func aNamedInvoiceAlreadyPaidByAnEarlierLineIsNotPaidAgain() {
        var ledger = MatchingLedger()
        let customer = ledger.customer("Ferretería El Dorado")
        let paid = ledger.invoice("FD-1", of: customer, 80_000, due: "2026-01-01")
        let other = ledger.invoice("FD-2", of: customer, 30_000, due: "2026-02-01")
        let all = ledger.matcher.matchAll([
            statementLine(50_000, text: "FD-1"), statementLine(80_000, text: "FD-1"),
            statementLine(80_000, text: "FD-1"),
        ])
        #expect(all[0].allocates([(paid, 50_000)]) && all[0].rule == .reference)
        #expect(all[1].allocates([(paid, 30_000)]) && all[1].unallocated.minorUnits == 50_000)
        #expect(
            all[2].rule == .customerOnly && all[2].allocates([(other, 30_000)])
                && all[2].explanation.contains("already paid"))
    }

    @Test func aPartlyPaidInvoiceIsFoundByItsNewBalance() {
        var ledger = MatchingLedger()
        let customer = ledger.customer("Agroindustrial La Sabana")
        let invoice = ledger.invoice("AS-1", of: customer, 1_000_000)
        let all = ledger.matcher.matchAll([
            statementLine(400_000, text: "AS-1"), statementLine(600_000, text: "sabana"),
        ])
        #expect(all[1].rule == .exactAmount && all[1].allocates([(invoice, 600_000)]))
        #expect(ledger.matcher.match(statementLine(600_000, text: "sabana")).rule == .none)
    }
}
