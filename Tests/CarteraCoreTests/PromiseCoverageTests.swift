import Foundation
import Testing

@testable import CarteraCore

/// A promise logged without naming invoices covers the oldest owed ones up to its amount.
@Suite struct PromiseCoverageTests {
    func item(_ due: String, _ number: String, _ minor: Int64, _ currency: Currency = .cop) throws
        -> PaymentAllocator.OpenItem
    {
        .init(
            id: UUID(), dueDate: try LocalDate(iso: due), number: number,
            balance: Money(minorUnits: minor, currency: currency))
    }

    func cop(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .cop) }

    @Test func theOldestOverdueUntilTheAmountIsReachedTheLastPartlyCovered() throws {
        // given 15 M promised, 512 M owed: 10 M and 8 M overdue, the rest later
        let old = try item("2026-01-10", "FE-7", 10_000_000_00)
        let older = try item("2025-12-20", "FE-9", 8_000_000_00)
        let later = try item("2026-04-30", "FE-3", 494_000_000_00)
        // when / then: the two overdue ones (the second only partly), not the big one not yet due
        #expect(PromiseCoverage.covered(by: cop(15_000_000_00), of: [later, old, older]) == [older.id, old.id])
        // an exact match stops there
        #expect(PromiseCoverage.covered(by: cop(8_000_000_00), of: [later, old, older]) == [older.id])
        #expect(PromiseCoverage.covered(by: cop(1), of: [later, old, older]) == [older.id])
    }

    @Test func sameDueDateByNumberAndNothingOverdueTakesTheOldestOwed() throws {
        let b = try item("2026-05-01", "FE-2", 300)
        let a = try item("2026-05-01", "FE-1", 300)
        let c = try item("2026-06-01", "FE-0", 300)
        #expect(PromiseCoverage.covered(by: cop(400), of: [c, b, a]) == [a.id, b.id])
    }

    @Test func moreThanIsOwedCoversEverythingOwedInTheCurrency() throws {
        let a = try item("2026-01-01", "FE-1", 100)
        let paid = try item("2026-01-02", "FE-2", 0)
        let dollars = try item("2026-01-03", "FE-3", 100, .usd)
        let b = try item("2026-02-01", "FE-4", Int64.max)
        #expect(PromiseCoverage.covered(by: cop(1_000), of: [a, paid, dollars]) == [a.id])
        // balances past Int64 reach any amount
        let last = try item("2026-03-01", "FE-5", 1)
        #expect(PromiseCoverage.covered(by: cop(Int64.max), of: [a, b, last]) == [a.id, b.id])
        #expect(PromiseCoverage.covered(by: cop(1_000), of: []).isEmpty)
    }
}
