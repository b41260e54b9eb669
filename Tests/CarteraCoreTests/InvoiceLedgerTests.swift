import Testing

@testable import CarteraCore

@Suite struct InvoiceLedgerTests {
    let total = Money(minorUnits: 10_000, currency: .cop)
    func payment(_ minor: Int64, _ currency: Currency = .cop) -> InvoiceSettlement {
        .init(kind: .payment, amount: Money(minorUnits: minor, currency: currency))
    }

    @Test func statusFollowsTheBalance() throws {
        var ledger = InvoiceLedger(total: total)
        #expect(ledger.status == .open)
        ledger = try ledger.applying(payment(4_000))
        #expect(ledger.status == .partiallyPaid)
        #expect(ledger.balance.minorUnits == 6_000)
        ledger = try ledger.applying(.init(kind: .creditNote, amount: Money(minorUnits: 6_000, currency: .cop)))
        #expect(ledger.status == .paid)
        #expect(ledger.balance.isZero)
        ledger = try ledger.removing(payment(4_000))
        #expect(ledger.status == .partiallyPaid)
        #expect(InvoiceLedger(total: total, isDraft: true).status == .draft)
        #expect(InvoiceLedger(total: total, isVoid: true).balance.isZero)
        #expect(InvoiceLedger(total: total, isVoid: true).status == .void)
        let writtenOff = try InvoiceLedger(total: total).applying(payment(1_000)).applying(
            .init(kind: .writeOff, amount: Money(minorUnits: 9_000, currency: .cop)))
        #expect(writtenOff.status == .writtenOff)
    }

    @Test func refusesSettlementsThatBreakTheLedger() throws {
        let ledger = try InvoiceLedger(total: total).applying(payment(9_000))
        #expect { try ledger.applying(payment(1_001)) } throws: { ($0 as? DomainError)?.code == "overallocated" }
        #expect { try ledger.applying(payment(0)) } throws: { ($0 as? DomainError)?.code == "invalid_amount" }
        #expect { try ledger.applying(payment(-5)) } throws: { ($0 as? DomainError)?.code == "invalid_amount" }
        #expect { try ledger.applying(payment(10, .usd)) } throws: { ($0 as? DomainError)?.code == "currency_mismatch" }
        #expect { try InvoiceLedger(total: total, isDraft: true).applying(payment(1)) } throws: {
            ($0 as? DomainError)?.code == "invoice_not_open"
        }
        #expect { try InvoiceLedger(total: total, isVoid: true).applying(payment(1)) } throws: {
            ($0 as? DomainError)?.code == "invoice_not_open"
        }
        #expect { try ledger.removing(payment(3)) } throws: { ($0 as? DomainError)?.code == "unknown_settlement" }
    }

    /// Random sequences of payments, credit notes and reversals: the balance is always the total
    /// less what is currently applied, never negative, and the status always agrees with it.
    @Test func balancesNeverDriftAcrossRandomSequences() {
        var rng = SeededGenerator(seed: 4)
        for _ in 0..<500 {
            let total = Money(minorUnits: Int64.random(in: 1...50_000_000, using: &rng), currency: .clp)
            var ledger = InvoiceLedger(total: total)
            var applied: [InvoiceSettlement] = []
            for _ in 0..<30 {
                if !applied.isEmpty, Int.random(in: 0..<4, using: &rng) == 0 {
                    let reversed = applied.remove(at: Int.random(in: 0..<applied.count, using: &rng))
                    ledger = try! ledger.removing(reversed)
                } else {
                    let kind: InvoiceSettlement.Kind = Bool.random(using: &rng) ? .payment : .creditNote
                    let amount = Money(
                        minorUnits: Int64.random(in: -10...(total.minorUnits / 3 + 1), using: &rng), currency: .clp)
                    let settlement = InvoiceSettlement(kind: kind, amount: amount)
                    if let next = try? ledger.applying(settlement) {
                        ledger = next
                        applied.append(settlement)
                    } else {
                        #expect(
                            amount.minorUnits <= 0 || amount.minorUnits > ledger.balance.minorUnits,
                            "a valid settlement was refused")
                    }
                }
                let appliedSum = applied.reduce(0) { $0 + $1.amount.minorUnits }
                #expect(ledger.balance.minorUnits == total.minorUnits - appliedSum)
                #expect(ledger.balance.minorUnits >= 0)
                #expect(ledger.settled.minorUnits == appliedSum)
                switch ledger.status {
                case .open: #expect(appliedSum == 0)
                case .partiallyPaid: #expect(appliedSum > 0 && ledger.balance.isPositive)
                case .paid: #expect(ledger.balance.isZero)
                default: Issue.record("unexpected status \(ledger.status)")
                }
            }
        }
    }
}
