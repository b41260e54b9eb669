import Foundation
import Testing

@testable import CarteraCore

/// Money and LocalDate over random extreme inputs: every operation answers or throws, none traps
/// (a trap would stop this test process, so reaching the end is the property).
@Suite struct ExtremeValuePropertyTests {
    static let extremes: [Int64] = [
        .max, .min, .max - 1, .min + 1, 0, 1, -1, Money.limit, -Money.limit, Money.limit + 1,
        Int64(Int32.max), 9_000_000_000_000_000_000, -9_000_000_000_000_000_000,
    ]
    static let currencies: [Currency] = [.cop, .usd, .clp] + ["KWD"].compactMap { try? Currency(code: $0) }

    static func extreme(_ rng: inout SeededGenerator) -> Int64 {
        Bool.random(using: &rng) ? extremes.randomElement(using: &rng)! : Int64.random(in: .min ... .max, using: &rng)
    }

    @Test func moneyArithmeticNeverTraps() throws {
        var rng = SeededGenerator(seed: 13)
        for _ in 0..<20_000 {
            let currency = Self.currencies.randomElement(using: &rng)!
            let a = Money(minorUnits: Self.extreme(&rng), currency: currency)
            let b = Money(minorUnits: Self.extreme(&rng), currency: currency)
            let exact = Int128(a.minorUnits) + Int128(b.minorUnits)
            if let sum = try? a.adding(b) {
                #expect(Int128(sum.minorUnits) == exact)
            } else {
                #expect(exact > Int128(Int64.max) || exact < Int128(Int64.min))
            }
            _ = try? a.subtracting(b)
            _ = try? a.multiplied(by: Self.extreme(&rng))
            _ = try? Money.sum([a, b, a], currency: currency)
            _ = try? a.percentage(basisPoints: Self.extreme(&rng))
            _ = try? a.bounded()
            _ = a.negated
            _ = a.decimalString
            _ = a.split(into: Int.random(in: 1...60, using: &rng))
            _ = a.allocate(weights: [Int64.random(in: 0...1_000_000, using: &rng), 1])
            _ = [a, b].saturatingSum(\.minorUnits)
            _ = try? [a, b].checkedSum(\.minorUnits)
            let rates = try ReferenceRates(base: .cop, text: "USD=999999999999.9999,KWD=0.0001,CLP=4.5")
            if let converted = rates.convert(a) {
                #expect(Money.isWithinLimit(converted.minorUnits) || currency == .cop)
            }
        }
    }

    @Test func parsingAmountsNeverTrapsAndNeverPassesTheLimit() throws {
        var rng = SeededGenerator(seed: 17)
        let alphabet = Array("0123456789.,-+ $€()eE")
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...40, using: &rng)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &rng)! })
            let digits = String(repeating: "9", count: Int.random(in: 1...30, using: &rng))
            for candidate in [text, digits, "-" + digits, digits + ".99", String(Self.extreme(&rng))] {
                let currency = Self.currencies.randomElement(using: &rng)!
                if let amount = try? Money(decimalString: candidate, currency: currency) {
                    #expect(Money.isWithinLimit(amount.minorUnits))
                }
                if let amount = try? ImportAmount.parse(candidate, currency: currency, decimal: nil) {
                    #expect(Money.isWithinLimit(amount.minorUnits))
                }
                if let amount = try? StatementAmount.parse(
                    candidate, currency: currency, decimal: ",", grouping: ".", allowSign: true)
                {
                    #expect(Money.isWithinLimit(amount.minorUnits))
                }
            }
        }
    }

    @Test func dateArithmeticNeverTrapsAndStaysInTheSupportedYears() throws {
        var rng = SeededGenerator(seed: 19)
        let intExtremes: [Int] = [.max, .min, .max - 1, .min + 1, 0, 1, -1, 36_500, -36_500, 110_000, -110_000]
        func anyInt() -> Int {
            Bool.random(using: &rng)
                ? intExtremes.randomElement(using: &rng)! : Int.random(in: .min ... .max, using: &rng)
        }
        for _ in 0..<20_000 {
            let start = try LocalDate(
                daysSinceEpoch: Int.random(
                    in: LocalDate.earliest.daysSinceEpoch...LocalDate.latest.daysSinceEpoch, using: &rng))
            for result in [
                try? start.adding(days: anyInt()), try? start.adding(months: anyInt()),
                start.addingClamped(days: anyInt()),
                start.advanced(by: anyInt()), try? LocalDate(daysSinceEpoch: anyInt()),
                try? LocalDate(year: anyInt(), month: anyInt(), day: anyInt()), start.endOfMonth, start.startOfMonth,
            ] {
                if let result { #expect(LocalDate.supportedYears.contains(result.year), "\(result)") }
            }
            _ = start.days(until: LocalDate.latest)
            _ = start.weekday
            let text = String(
                format: "%04d-%02d-%02d", Int.random(in: 0...9999, using: &rng), Int.random(in: 0...99, using: &rng),
                Int.random(in: 0...99, using: &rng))
            if let parsed = try? LocalDate(iso: text) { #expect(parsed.iso == text) }
            _ = try? InstalmentSchedule.equal(
                total: Money(minorUnits: Int64.random(in: 1...Money.limit, using: &rng), currency: .cop),
                count: Int.random(in: 1...60, using: &rng), firstDue: start,
                spacing: Bool.random(using: &rng) ? .monthly : .everyDays(anyInt()))
            _ = try? PaymentTerms(netDays: Int.random(in: 0...365, using: &rng)).dueDate(issuedOn: start)
        }
        _ = LocalDate.today(at: Date(timeIntervalSince1970: 1e15), in: TimeZone(identifier: "UTC")!)
        _ = LocalDate.today(at: Date(timeIntervalSince1970: -1e15), in: TimeZone(identifier: "UTC")!)
    }
}
