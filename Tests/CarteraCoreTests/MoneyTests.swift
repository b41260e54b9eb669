import Foundation
import Testing

@testable import CarteraCore

@Suite struct MoneyParsingTests {
    @Test(arguments: [
        ("1234.56", "COP", 123_456 as Int64), ("1234.5", "COP", 123_450), ("1234", "COP", 123_400), ("0.05", "USD", 5),
        ("-10", "USD", -1_000), ("1500", "CLP", 1_500), ("0", "CLP", 0), ("1.234", "KWD", 1_234),
        ("007.10", "EUR", 710),
    ])
    func parsesExactly(text: String, code: String, minor: Int64) throws {
        let money = try Money(decimalString: text, currency: Currency(code: code))
        #expect(money.minorUnits == minor)
    }

    @Test(arguments: [
        ("1234.567", "COP", "too_many_decimals"), ("1500.5", "CLP", "too_many_decimals"),
        ("12,5", "COP", "invalid_amount"),
        ("", "COP", "invalid_amount"), ("1e3", "COP", "invalid_amount"), (" 1", "COP", "invalid_amount"),
        ("--1", "COP", "invalid_amount"),
        ("+1", "COP", "invalid_amount"), ("1.", "COP", "invalid_amount"), (".5", "COP", "invalid_amount"),
        ("1.000,50", "COP", "invalid_amount"),
        ("99999999999999999999", "COP", "amount_too_large"), ("92233720368547758.08", "COP", "amount_too_large"),
        ("10000000000000.01", "COP", "amount_too_large"), ("-10000000000000.01", "COP", "amount_too_large"),
        ("1000000000000001", "CLP", "amount_too_large"), ("000000000000000000000000001", "COP", "invalid_amount_never"),
    ])
    func refusesWhatIsNotAnExactAmount(text: String, code: String, error: String) throws {
        let currency = try Currency(code: code)
        guard error != "invalid_amount_never" else {
            // leading zeros are not digits past the limit
            #expect(try Money(decimalString: text, currency: currency).minorUnits == 100)
            return
        }
        #expect { try Money(decimalString: text, currency: currency) } throws: { ($0 as? DomainError)?.code == error }
    }

    @Test func theLimitItselfIsAnAmount() throws {
        #expect(try Money(decimalString: "10000000000000.00", currency: .cop).minorUnits == Money.limit)
        #expect(try Money(decimalString: "-10000000000000", currency: .cop).minorUnits == -Money.limit)
        #expect(try Money(decimalString: "1000000000000000", currency: .clp).minorUnits == Money.limit)
        #expect(Money.limitText(.cop) == "10000000000000.00")
    }

    @Test func decimalStringAlwaysHasTheCurrencyPrecisionAndRoundTrips() throws {
        #expect(Money(minorUnits: 5, currency: .cop).decimalString == "0.05")
        #expect(Money(minorUnits: -5, currency: .usd).decimalString == "-0.05")
        #expect(Money(minorUnits: 1_500, currency: .clp).decimalString == "1500")
        #expect(Money(minorUnits: 1, currency: try Currency(code: "KWD")).decimalString == "0.001")
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<2_000 {
            let currency = [Currency.cop, .clp, .usd, .jpy, try Currency(code: "KWD")].randomElement(using: &rng)!
            let money = Money(
                minorUnits: Int64.random(in: -1_000_000_000_000...1_000_000_000_000, using: &rng), currency: currency)
            #expect(try Money(decimalString: money.decimalString, currency: currency) == money)
        }
    }
}

@Suite struct MoneyArithmeticTests {
    @Test func arithmeticRefusesMixedCurrenciesAndOverflow() throws {
        let pesos = Money(minorUnits: 100, currency: .cop)
        let dollars = Money(minorUnits: 100, currency: .usd)
        #expect { try pesos.adding(dollars) } throws: { ($0 as? DomainError)?.code == "currency_mismatch" }
        #expect { try pesos.subtracting(dollars) } throws: { ($0 as? DomainError)?.code == "currency_mismatch" }
        #expect { try Money.sum([pesos, dollars], currency: .cop) } throws: {
            ($0 as? DomainError)?.code == "currency_mismatch"
        }
        #expect { try Money(minorUnits: .max, currency: .cop).adding(pesos) } throws: {
            ($0 as? DomainError)?.code == "amount_too_large"
        }
        #expect { try Money(minorUnits: .min, currency: .cop).subtracting(pesos) } throws: {
            ($0 as? DomainError)?.code == "amount_too_large"
        }
        #expect { try pesos.multiplied(by: .max) } throws: { ($0 as? DomainError)?.code == "amount_too_large" }
        #expect { try Money(minorUnits: .max, currency: .cop).percentage(basisPoints: 20_000) } throws: {
            ($0 as? DomainError)?.code == "amount_too_large"
        }
        #expect(Money(minorUnits: .min, currency: .cop).negated.minorUnits == .max)
        #expect(try pesos.adding(pesos).minorUnits == 200)
        #expect(try pesos.subtracting(Money(minorUnits: 300, currency: .cop)).minorUnits == -200)
        #expect(pesos.negated.minorUnits == -100)
        #expect(Money(minorUnits: 1, currency: .cop) < pesos)
    }

    @Test(arguments: [
        (1_225 as Int64, 200 as Int64, 25 as Int64), // 2 % of 12.25 = 0.245 → 0.25 (half-up)
        (1_224, 200, 24), // 0.2448 → 0.24
        (-1_225, 200, -25), // negatives mirror: away from zero
        (11_250_152, 200, 225_003), // 225003.04 → 225003
        (1, 5_000, 1), // 0.5 → 1
        (0, 200, 0),
    ])
    func percentagesRoundHalfUpAwayFromZero(minor: Int64, basisPoints: Int64, expected: Int64) throws {
        #expect(
            try Money(minorUnits: minor, currency: .usd).percentage(basisPoints: basisPoints).minorUnits == expected)
    }
}

@Suite struct MoneyAllocationPropertyTests {
    @Test func splitAlwaysSumsExactlyAndPartsDifferByAtMostOneMinorUnit() {
        var rng = SeededGenerator(seed: 1)
        for _ in 0..<2_000 {
            let amount = Money(
                minorUnits: Int64.random(in: -10_000_000_000...10_000_000_000, using: &rng), currency: .cop)
            let parts = amount.split(into: Int.random(in: 1...40, using: &rng))
            #expect(parts.reduce(0) { $0 + $1.minorUnits } == amount.minorUnits)
            let values = parts.map(\.minorUnits)
            #expect(values.max()! - values.min()! <= 1)
            #expect(parts.allSatisfy { $0.currency == .cop })
            // larger parts come first
            #expect(values == values.sorted(by: amount.isNegative ? (<) : (>)))
        }
    }

    @Test func allocateByWeightsAlwaysSumsExactlyAndIsProportional() {
        var rng = SeededGenerator(seed: 2)
        for _ in 0..<2_000 {
            let amount = Money(
                minorUnits: Int64.random(in: -5_000_000_000...5_000_000_000, using: &rng), currency: .clp)
            var weights = (0..<Int.random(in: 1...12, using: &rng)).map { _ in Int64.random(in: 0...1_000, using: &rng)
            }
            if weights.allSatisfy({ $0 == 0 }) { weights[0] = 1 }
            let parts = amount.allocate(weights: weights)
            #expect(parts.count == weights.count)
            #expect(parts.reduce(0) { $0 + $1.minorUnits } == amount.minorUnits)
            let total = Double(weights.reduce(0, +))
            for (part, weight) in zip(parts, weights) {
                // each part is within one minor unit of its exact share; zero weight gets nothing
                let exact = Double(amount.minorUnits) * Double(weight) / total
                #expect(abs(Double(part.minorUnits) - exact) < 1.0 + 1e-6)
                if weight == 0 { #expect(part.isZero) }
            }
        }
    }

    @Test func knownAllocations() {
        let hundred = Money(minorUnits: 10_000, currency: .usd)
        #expect(hundred.split(into: 3).map(\.minorUnits) == [3_334, 3_333, 3_333])
        #expect(Money(minorUnits: 5, currency: .usd).allocate(weights: [1, 1]).map(\.minorUnits) == [3, 2])
        #expect(Money(minorUnits: -5, currency: .usd).allocate(weights: [1, 1]).map(\.minorUnits) == [-3, -2])
        #expect(
            Money(minorUnits: 100, currency: .clp).allocate(weights: [70, 20, 10]).map(\.minorUnits) == [70, 20, 10])
        #expect(Money(minorUnits: 1, currency: .clp).allocate(weights: [0, 1]).map(\.minorUnits) == [0, 1])
    }
}

@Suite struct MoneyFormattingTests {
    @Test(arguments: [
        (123_456_789 as Int64, "COP", "es-CO", "$ 1.234.567,89"),
        (1_234_567, "CLP", "es-CL", "$1.234.567"),
        (123_456_789, "MXN", "es-MX", "$1,234,567.89"),
        (123_456_789, "USD", "en-US", "$1,234,567.89"),
        (123_456_789, "EUR", "es-ES", "1.234.567,89 €"),
        (123_456_789, "USD", "es-ES", "1.234.567,89 USD"),
        (123_456_789, "USD", "es-CO", "US$ 1.234.567,89"),
        (123_456, "USD", "es-MX", "US$1,234.56"),
        (5, "COP", "es-CO", "$ 0,05"),
        (0, "COP", "es-CO", "$ 0,00"),
        (-123_400, "COP", "es-CO", "-$ 1.234,00"),
        (-123_400, "USD", "en-US", "-$1,234.00"),
        (1_234, "JPY", "en-US", "JPY 1,234"),
        (999, "CLP", "es-CL", "$999"),
        (100_000, "CLP", "es-CL", "$100.000"),
        (123_456_789, "COP", "es", "$ 1.234.567,89"),
        (123_456_789, "COP", "fr-FR", "$1,234,567.89"),
    ])
    func formatsPerLocale(minor: Int64, code: String, locale: String, expected: String) throws {
        #expect(Money(minorUnits: minor, currency: try Currency(code: code)).formatted(locale: locale) == expected)
    }
}
