import CarteraCore
import Fluent
import Testing
import Vapor

@testable import CarteraApp

/// Random sequences of invoices, payments and credit notes through the API; afterwards every stored
/// balance must equal what the allocation rows say, and no money may appear or vanish.
@Suite struct LedgerConsistencyTests {
    @Test(arguments: [1, 2, 3] as [UInt64])
    func storedBalancesNeverDriftFromAllocations(seed: UInt64) async throws {
        try await TestHarness.run { h in
            var rng = SeededGenerator(seed: seed)
            let customers = [try await h.createCustomer("A"), try await h.createCustomer("B")]
            var invoiceCount = 0
            var noteCount = 0
            for _ in 0..<40 {
                let customer = customers.randomElement(using: &rng)!
                switch Int.random(in: 0..<10, using: &rng) {
                case 0..<4:
                    invoiceCount += 1
                    _ = try await h.createInvoice(
                        customer: customer, number: "I-\(invoiceCount)",
                        total: "\(Int.random(in: 1...900, using: &rng)).\(Int.random(in: 0...99, using: &rng))",
                        issued: "2026-0\(Int.random(in: 1...3, using: &rng))-0\(Int.random(in: 1...9, using: &rng))")
                case 4..<8:
                    _ = try await h.post(
                        "/api/v1/payments",
                        [
                            "customer_id": customer,
                            "amount": "\(Int.random(in: 1...700, using: &rng)).\(Int.random(in: 0...99, using: &rng))",
                        ])
                default:
                    noteCount += 1
                    _ = try await h.post(
                        "/api/v1/credit-notes",
                        [
                            "customer_id": customer, "number": "N-\(noteCount)",
                            "amount": "\(Int.random(in: 1...200, using: &rng)).00", "reason": "ajuste",
                        ])
                }
            }
            try await assertLedgerIsConsistent(h.app.db)
        }
    }

    private func assertLedgerIsConsistent(_ db: any Database) async throws {
        let allocations = try await Allocation.query(on: db).all()
        for invoice in try await Invoice.query(on: db).all() {
            let settled = allocations.filter { $0.$invoice.id == invoice.id }.reduce(0) { $0 + $1.amountMinor }
            #expect(invoice.settledMinor == settled)
            #expect(invoice.balanceMinor == invoice.totalMinor - settled)
            #expect(invoice.balanceMinor >= 0)
            #expect((invoice.balanceMinor == 0) == (invoice.status == .paid))
        }
        var paymentsTotal: Int64 = 0
        for payment in try await Payment.query(on: db).all() {
            let allocated = allocations.filter { $0.$payment.id == payment.id }.reduce(0) { $0 + $1.amountMinor }
            #expect(payment.allocatedMinor == allocated)
            #expect(allocated <= payment.amountMinor)
            paymentsTotal += payment.amountMinor
        }
        for note in try await CreditNote.query(on: db).all() {
            let allocated = allocations.filter { $0.$creditNote.id == note.id }.reduce(0) { $0 + $1.amountMinor }
            #expect(note.allocatedMinor == allocated)
            #expect(allocated <= note.amountMinor)
        }
        // Money is conserved: what was received is either on an invoice or still credit.
        let onInvoices = allocations.filter { $0.kind == .payment }.reduce(0) { $0 + $1.amountMinor }
        let credit = try await Payment.query(on: db).all().reduce(0) { $0 + $1.amountMinor - $1.allocatedMinor }
        #expect(onInvoices + credit == paymentsTotal)
    }
}
