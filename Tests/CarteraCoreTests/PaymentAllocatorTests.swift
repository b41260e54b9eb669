import Foundation
import Testing

@testable import CarteraCore

@Suite struct PaymentAllocatorTests {
    func item(_ due: String, _ number: String, _ minor: Int64, _ currency: Currency = .cop) throws
        -> PaymentAllocator.OpenItem
    {
        .init(
            id: UUID(), dueDate: try LocalDate(iso: due), number: number,
            balance: Money(minorUnits: minor, currency: currency))
    }

    @Test func oldestDueFirstThenNumberAndTheRestIsCredit() throws {
        let a = try item("2026-02-01", "F-2", 300)
        let b = try item("2026-01-15", "F-9", 200)
        let c = try item("2026-02-01", "F-1", 500)
        let result = try PaymentAllocator().allocateOldestFirst(Money(minorUnits: 800, currency: .cop), to: [a, b, c])
        #expect(result.allocations.map(\.invoiceID) == [b.id, c.id, a.id])
        #expect(result.allocations.map(\.amount.minorUnits) == [200, 500, 100])
        #expect(result.unallocated.isZero)
        let more = try PaymentAllocator().allocateOldestFirst(Money(minorUnits: 1_500, currency: .cop), to: [a, b, c])
        #expect(more.unallocated.minorUnits == 500)
        #expect(
            try PaymentAllocator().allocateOldestFirst(Money(minorUnits: 10, currency: .cop), to: []).unallocated
                .minorUnits == 10)
    }

    @Test func explicitAllocationsAreValidated() throws {
        let a = try item("2026-02-01", "F-1", 300)
        let b = try item("2026-03-01", "F-2", 200)
        let allocator = PaymentAllocator()
        let amount = Money(minorUnits: 400, currency: .cop)
        func request(_ target: PaymentAllocator.OpenItem, _ minor: Int64, _ currency: Currency = .cop)
            -> PaymentAllocator.Allocation
        {
            .init(invoiceID: target.id, amount: Money(minorUnits: minor, currency: currency))
        }
        let ok = try allocator.allocateExplicitly(amount, requests: [request(b, 200), request(a, 50)], to: [a, b])
        #expect(ok.unallocated.minorUnits == 150)
        #expect { try allocator.allocateExplicitly(amount, requests: [request(a, 301)], to: [a, b]) } throws: {
            ($0 as? DomainError)?.code == "overallocated" && ($0 as? DomainError)?.field == "allocations[0].amount"
        }
        #expect {
            try allocator.allocateExplicitly(amount, requests: [request(a, 200), request(a, 101)], to: [a, b])
        } throws: { ($0 as? DomainError)?.code == "overallocated" }
        #expect {
            try allocator.allocateExplicitly(amount, requests: [request(a, 300), request(b, 200)], to: [a, b])
        } throws: {
            ($0 as? DomainError)?.code == "overallocated" && ($0 as? DomainError)?.field == "allocations"
        }
        #expect {
            try allocator.allocateExplicitly(
                amount, requests: [.init(invoiceID: UUID(), amount: Money(minorUnits: 1, currency: .cop))], to: [a])
        } throws: { ($0 as? DomainError)?.code == "unknown_invoice" }
        #expect { try allocator.allocateExplicitly(amount, requests: [request(a, 0)], to: [a]) } throws: {
            ($0 as? DomainError)?.code == "invalid_amount"
        }
        #expect { try allocator.allocateExplicitly(amount, requests: [request(a, 5, .usd)], to: [a]) } throws: {
            ($0 as? DomainError)?.code == "currency_mismatch"
        }
        #expect { try allocator.allocateOldestFirst(Money(minorUnits: 5, currency: .usd), to: [a]) } throws: {
            ($0 as? DomainError)?.code == "currency_mismatch"
        }
    }

    @Test func oldestFirstAlwaysSumsExactlyAndNeverExceedsABalance() throws {
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<1_000 {
            let items = try (0..<Int.random(in: 0...15, using: &rng)).map { index in
                try item(
                    try LocalDate(daysSinceEpoch: 20_000 + Int.random(in: 0...200, using: &rng)).iso, "N-\(index)",
                    Int64.random(in: 1...1_000_000, using: &rng))
            }
            let amount = Money(minorUnits: Int64.random(in: 1...5_000_000, using: &rng), currency: .cop)
            let result = try PaymentAllocator().allocateOldestFirst(amount, to: items)
            #expect(
                result.allocations.reduce(0) { $0 + $1.amount.minorUnits } + result.unallocated.minorUnits
                    == amount.minorUnits)
            #expect(result.unallocated.minorUnits >= 0)
            let balances = Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0.balance.minorUnits) })
            #expect(
                result.allocations.allSatisfy {
                    $0.amount.isPositive && $0.amount.minorUnits <= balances[$0.invoiceID]!
                })
            // credit is left only when every invoice is fully paid
            if result.unallocated.isPositive { #expect(result.allocations.count == items.count) }
        }
    }
}
