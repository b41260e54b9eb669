import Testing

@testable import CarteraCore

@Suite struct LateFeesTests {
    func cop(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .cop) }
    func date(_ iso: String) throws -> LocalDate { try LocalDate(iso: iso) }

    @Test func simpleInterestProRataPerDayRoundedHalfUp() throws {
        let policy = LateFeePolicy.annualInterest(basisPoints: 2_400, legalMaximumBasisPoints: nil)
        // 1 000 000,00 × 24 % × 30/365 = 19 726,027… → 19 726,03
        #expect(
            policy.interest(on: cop(1_000_000_00), from: try date("2026-03-01"), to: try date("2026-03-31"))
                == cop(19_726_03))
        #expect(
            policy.interest(on: cop(1_000_000_00), from: try date("2026-03-31"), to: try date("2026-03-31")) == cop(0))
        #expect(
            policy.interest(on: cop(1_000_000_00), from: try date("2026-03-31"), to: try date("2026-03-01")) == cop(0))
        let clp = policy.interest(
            on: Money(minorUnits: 500_000, currency: .clp), from: try date("2026-01-01"), to: try date("2027-01-01"))
        #expect(clp == Money(minorUnits: 120_000, currency: .clp))
    }

    @Test func theLegalMaximumCapsTheRate() throws {
        let usury = LateFeePolicy.annualInterest(basisPoints: 3_600, legalMaximumBasisPoints: 2_645)
        #expect(usury.effectiveBasisPoints == 2_645)
        #expect(
            usury.interest(on: cop(365_000_00), from: try date("2026-01-01"), to: try date("2026-01-11"))
                == cop(2_645_00))
        #expect(
            LateFeePolicy.annualInterest(basisPoints: 1_200, legalMaximumBasisPoints: 2_645).effectiveBasisPoints
                == 1_200)
    }

    @Test func interestNeverCompoundsAndHugeBalancesDoNotOverflow() throws {
        let policy = LateFeePolicy.annualInterest(basisPoints: 2_400, legalMaximumBasisPoints: nil)
        let first = policy.interest(on: cop(1_000_000_00), from: try date("2026-01-01"), to: try date("2026-02-01"))
        let second = policy.interest(on: cop(1_000_000_00), from: try date("2026-02-01"), to: try date("2026-03-01"))
        let whole = policy.interest(on: cop(1_000_000_00), from: try date("2026-01-01"), to: try date("2026-03-01"))
        #expect(abs(first.minorUnits + second.minorUnits - whole.minorUnits) <= 1, "periods add up, rounding aside")
        let big = policy.interest(on: cop(Int64.max / 4), from: try date("2026-01-01"), to: try date("2026-12-31"))
        #expect(big.isPositive)
    }

    @Test func fixedFeesPerStepAndNoPolicy() throws {
        #expect(LateFeePolicy.fixedPerStep(cop(25_000_00)).fixedFees(steps: 3) == cop(75_000_00))
        #expect(
            LateFeePolicy.none.interest(on: cop(100), from: try date("2026-01-01"), to: try date("2026-12-31"))
                == cop(0))
        #expect(LateFeePolicy.none.fixedFees(steps: 2) == nil)
    }
}
