import Foundation
import Testing

@testable import CarteraCore

@Suite struct MatchingReferenceTests {
    func andes() -> (MatchingLedger, UUID) {
        var ledger = MatchingLedger()
        let andes = ledger.customer("Comercializadora Los Andes S.A.S.")
        ledger.invoice("FE-1001", of: andes, 300_000, due: "2026-01-10")
        ledger.invoice("FE-1002", of: andes, 500_000, due: "2026-01-20")
        ledger.invoice("FE-10010", of: andes, 700_000, due: "2026-01-25")
        return (ledger, andes)
    }

    @Test(arguments: ["FE-1001", "FE 1001", "FE1001", "fe-1001", "Pagó factura Fé.1001 gracias", "FACT:FE-1001/ENE"])
    func everySpellingOfTheNumberFindsTheInvoice(text: String) {
        let (ledger, andes) = andes()
        let match = ledger.matcher.match(statementLine(300_000, text: text))
        #expect(match.rule == .reference)
        #expect(match.customerID == andes)
        #expect(match.allocates([(ledger.id(of: "FE-1001"), 300_000)]))
        #expect(match.unallocated.isZero)
        #expect(match.confidence == PaymentMatcher.Confidence.referenceExact)
    }

    @Test func theNumberIsFoundInTheStructuredReferenceAndEndToEndIDToo() {
        let (ledger, _) = andes()
        #expect(
            ledger.matcher.match(statementLine(300_000, structured: "FE1001")).allocates([
                (ledger.id(of: "FE-1001"), 300_000)
            ]))
        #expect(
            ledger.matcher.match(statementLine(500_000, endToEnd: "fe-1002")).allocates([
                (ledger.id(of: "FE-1002"), 500_000)
            ]))
    }

    @Test func tokenBoundariesAreRespected() {
        var (ledger, _) = andes()
        let other = ledger.customer("Textiles Pacífico Ltda")
        ledger.invoice("FE-1003", of: other, 123_456)
        let matcher = ledger.matcher
        // FE-10010 is its own invoice, not FE-1001 followed by a zero.
        #expect(
            matcher.match(statementLine(700_000, text: "pago FE-10010")).allocates([
                (ledger.id(of: "FE-10010"), 700_000)
            ]))
        for text in ["pago FE-10011", "XFE-1003", "FE-1003A", "FE10030", "ref 21FE-1003"] {
            #expect(matcher.match(statementLine(123_456, text: text)).rule != .reference, "\(text)")
        }
    }

    @Test func theLongestReferenceWinsAndUsesUpItsTokens() {
        var ledger = MatchingLedger()
        let customer = ledger.customer("Textiles Pacífico Ltda")
        let prefixed = ledger.invoice("FE-1001", of: customer, 300_000)
        ledger.invoice("1001", of: customer, 200_000)
        // "FE 1001" is one invoice; the "1001" inside it does not also name invoice 1001.
        let match = ledger.matcher.match(statementLine(500_000, text: "pago FE 1001"))
        #expect(match.allocates([(prefixed, 300_000)]) && match.unallocated.minorUnits == 200_000)
    }

    @Test func shortNumbersNeverMatchInsideAmountsOrDates() {
        var ledger = MatchingLedger()
        let customer = ledger.customer("Ferretería El Dorado")
        ledger.invoice("12", of: customer, 1_200_000)
        ledger.invoice("20241001", of: customer, 999_900)
        let matcher = ledger.matcher
        #expect(matcher.match(statementLine(1_200_000, text: "pago 12 de marzo, valor 12.000,00")).rule == .none)
        // A date is not the invoice number "20241001" even though its digits are.
        #expect(matcher.match(statementLine(999_900, text: "pago del 2024-10-01")).rule == .none)
        #expect(matcher.match(statementLine(999_900, text: "pago 20241001")).rule == .reference)
    }

    @Test func numbersWrittenWithADifferentSeparatorStillMatch() {
        var ledger = MatchingLedger()
        let customer = ledger.customer("Agroindustrial La Sabana")
        let invoice = ledger.invoice("2026-0042", of: customer, 450_000)
        for text in ["2026 0042", "20260042", "2026/0042"] {
            #expect(ledger.matcher.match(statementLine(450_000, text: text)).allocates([(invoice, 450_000)]), "\(text)")
        }
        #expect(ledger.matcher.match(statementLine(450_000, text: "202 60042")).rule != .reference)
    }

    @Test func groupedPaymentReferencesMatchInAnyGrouping() {
        var ledger = MatchingLedger()
        let customer = ledger.customer("Inversiones Santa Fe")
        let invoice = ledger.invoice("FV-77", of: customer, 80_000, reference: "RF18539007547034")
        #expect(
            ledger.matcher.match(statementLine(80_000, structured: "RF18 5390 0754 7034")).allocates([(invoice, 80_000)]
            ))
        #expect(
            ledger.matcher.match(statementLine(80_000, text: "ref rf18-5390-0754-7034 pago")).allocates([
                (invoice, 80_000)
            ]))
    }

    @Test func severalInvoicesGetTheMoneyInTheOrderNamed() {
        let (ledger, _) = andes()
        let (a, b) = (ledger.id(of: "FE-1001"), ledger.id(of: "FE-1002"))
        let matcher = ledger.matcher
        let exact = matcher.match(statementLine(800_000, text: "Pago facturas FE-1002, FE-1001"))
        #expect(exact.allocates([(b, 500_000), (a, 300_000)]) && exact.unallocated.isZero)
        #expect(exact.confidence == PaymentMatcher.Confidence.referenceExact)

        let partial = matcher.match(statementLine(600_000, text: "Pago facturas FE-1002, FE-1001"))
        #expect(partial.allocates([(b, 500_000), (a, 100_000)]) && partial.unallocated.isZero)
        #expect(partial.confidence == PaymentMatcher.Confidence.referencePartial)

        let over = matcher.match(statementLine(1_000_000, text: "FE 1001 y FE 1002 FE 1001"))
        #expect(over.allocates([(a, 300_000), (b, 500_000)]))
        #expect(over.unallocated.minorUnits == 200_000)
        #expect(over.confidence == PaymentMatcher.Confidence.referencePartial)
        #expect(over.explanation.contains("overpaid"))

        let short = matcher.match(statementLine(100_000, text: "abono FE-1001"))
        #expect(short.allocates([(a, 100_000)]) && short.rule == .reference && short.confidence < exact.confidence)
    }

    @Test func invoicesOfOtherCustomersNamedAreIgnored() {
        var (ledger, andes) = andes()
        let other = ledger.customer("Textiles Pacífico Ltda")
        let foreign = ledger.invoice("TP-2001", of: other, 100_000)
        let match = ledger.matcher.match(statementLine(400_000, text: "FE-1001 TP-2001"))
        #expect(match.customerID == andes)
        #expect(match.allocates([(ledger.id(of: "FE-1001"), 300_000)]))
        #expect(match.unallocated.minorUnits == 100_000)
        #expect(!match.split.contains { $0.0 == foreign })
        #expect(
            match.confidence == PaymentMatcher.Confidence.referencePartial
                - PaymentMatcher.Confidence.otherCustomersNamedPenalty)
    }

    @Test func aNumberSharedByTwoCustomersIsDecidedByTheAccount() {
        var ledger = MatchingLedger()
        let a = ledger.customer("Distribuidora Andina SAS", accounts: ["111-222-333"])
        let b = ledger.customer("Textiles Pacífico Ltda", accounts: ["444 555 666"])
        ledger.invoice("F-5000", of: a, 50_000)
        let bInvoice = ledger.invoice("F-5000", of: b, 70_000)
        let matcher = ledger.matcher
        #expect(
            matcher.match(statementLine(70_000, text: "F-5000", account: "444555666")).allocates([(bInvoice, 70_000)]))
        #expect(matcher.match(statementLine(70_000, text: "F-5000", account: "444555666")).rule == .reference)
        #expect(matcher.match(statementLine(12_345, text: "F-5000")).rule == .none)
    }

    @Test func aCustomerPaymentReferencePaysItsInvoicesOldestFirst() {
        var ledger = MatchingLedger()
        let customer = ledger.customer("Ferretería El Dorado", reference: "CLI-0042")
        let newer = ledger.invoice("FD-2", of: customer, 400_000, due: "2026-03-01")
        let older = ledger.invoice("FD-1", of: customer, 250_000, due: "2026-02-01")
        let matcher = ledger.matcher
        let match = matcher.match(statementLine(500_000, text: "abono cliente CLI 0042"))
        #expect(match.rule == .customerReference && match.customerID == customer)
        #expect(match.allocates([(older, 250_000), (newer, 250_000)]))
        #expect(match.confidence == PaymentMatcher.Confidence.customerReferenceSettled)
        let more = matcher.match(statementLine(700_000, text: "CLI0042"))
        #expect(
            more.unallocated.minorUnits == 50_000
                && more.confidence == PaymentMatcher.Confidence.customerReferenceWithCredit)
    }
}

/// A hand-made ledger for the matcher tests: customers and open invoices added one by one.
struct MatchingLedger {
    var customers: [MatchableCustomer] = []
    var invoices: [MatchableInvoice] = []

    @discardableResult
    mutating func customer(_ name: String, taxID: String? = nil, accounts: [String] = [], reference: String? = nil)
        -> UUID
    {
        let id = UUID()
        customers.append(
            MatchableCustomer(id: id, name: name, taxID: taxID, bankAccounts: accounts, paymentReference: reference))
        return id
    }

    @discardableResult
    mutating func invoice(
        _ number: String, of customer: UUID, _ minor: Int64, due: String = "2026-01-31",
        currency: Currency = .cop, reference: String? = nil
    ) -> UUID {
        let id = UUID()
        invoices.append(
            MatchableInvoice(
                id: id, customerID: customer, number: number, paymentReference: reference,
                balance: Money(minorUnits: minor, currency: currency), dueDate: try! LocalDate(iso: due)))
        return id
    }

    var matcher: PaymentMatcher { PaymentMatcher(invoices: invoices, customers: customers) }

    func id(of number: String) -> UUID { invoices.first { $0.number == number }!.id }
}

func statementLine(
    _ minor: Int64, text: String = "", structured: String? = nil, endToEnd: String? = nil, name: String? = nil,
    account: String? = nil, currency: Currency = .cop, booked: String = "2026-02-10"
) -> BankStatementLine {
    BankStatementLine(
        bookingDate: try! LocalDate(iso: booked), valueDate: nil, amount: Money(minorUnits: minor, currency: currency),
        bankReference: nil, endToEndID: endToEnd, structuredReference: structured, remittanceText: text,
        counterpartyName: name, counterpartyAccount: account)
}

extension PaymentMatch {
    /// Allocations as (invoice id, minor units), the shape the assertions compare.
    var split: [(UUID, Int64)] { allocations.map { ($0.invoiceID, $0.amount.minorUnits) } }

    /// Plain Int amounts: #expect's macro expansion does not infer Int64 for tuple literals.
    func allocates(_ expected: [(UUID, Int)]) -> Bool {
        split.count == expected.count && zip(split, expected).allSatisfy { $0.0 == $1.0 && $0.1 == Int64($1.1) }
    }
}
