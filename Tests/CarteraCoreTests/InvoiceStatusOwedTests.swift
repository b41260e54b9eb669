import Testing

@testable import CarteraCore

@Suite struct InvoiceStatusOwedTests {
    @Test func owedIsOpenAndPartiallyPaid() {
        #expect(InvoiceStatus.owed == [.open, .partiallyPaid])
        #expect(InvoiceStatus.owed.map(\.rawValue) == ["open", "partially_paid"])
    }

    @Test func isOwedAgreesWithTheList() {
        for status in InvoiceStatus.allCases {
            #expect(status.isOwed == InvoiceStatus.owed.contains(status))
        }
        #expect(
            !InvoiceStatus.draft.isOwed && !InvoiceStatus.paid.isOwed && !InvoiceStatus.void.isOwed
                && !InvoiceStatus.writtenOff.isOwed)
    }

    @Test func anIssuedInvoiceIsOwedUntilSettled() throws {
        let total = Money(minorUnits: 10_000, currency: .cop)
        var ledger = InvoiceLedger(total: total)
        #expect(ledger.status.isOwed)
        ledger = try ledger.applying(.init(kind: .payment, amount: Money(minorUnits: 10_000, currency: .cop)))
        #expect(!ledger.status.isOwed)
    }
}
