import Foundation
import Testing

@testable import CarteraCore

/// Mutation fuzzing of every file parser: real samples with bytes flipped, cut, duplicated and
/// spliced, thousands of times, seeded so a failure replays. A parser may refuse a file, but only
/// with a `DomainError` or `StatementFormatError` that names what is wrong — never a crash, a hang or another error type.
/// (A crash takes the whole test process down, which fails the run.)
@Suite struct ParserFuzzTests {
    static let iterations = 1_500

    /// Tokens that break parsers in practice: delimiters, quotes, tags, huge numbers, odd text.
    static let dictionary: [[UInt8]] = [
        ",", ";", "\"", "\n", "\r\n", "<", "</", ">", ":61:", ":86:", ":20:", "-", "9999999999999999999999",
        "1.234,56", "31/02/2026", "<Amt Ccy=\"XXX\">", "\u{0}", "é", "\u{FEFF}", "NaN", "1e308", "(", ")",
    ]
    .map { Array($0.utf8) }

    static func mutate(_ sample: [UInt8], _ random: inout SeededGenerator) -> [UInt8] {
        var bytes = sample
        for _ in 0..<Int.random(in: 1...8, using: &random) where !bytes.isEmpty {
            let at = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0: bytes[at] = UInt8.random(in: 0...255, using: &random)
            case 1: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...64, using: &random)))
            case 2: bytes.insert(contentsOf: dictionary.randomElement(using: &random)!, at: at)
            case 3:
                bytes.insert(
                    contentsOf: bytes[at..<min(bytes.count, at + Int.random(in: 1...200, using: &random))], at: at)
            case 4: bytes = Array(bytes.prefix(at))
            default: bytes.swapAt(at, Int.random(in: 0..<bytes.count, using: &random))
            }
        }
        return bytes
    }

    /// Runs `parse` on mutants of `sample`; counts how many parsed and how many were refused.
    static func fuzz(_ sample: String, seed: UInt64, _ parse: ([UInt8]) throws -> Void) -> (
        parsed: Int, refused: Int, otherErrors: [String]
    ) {
        var random = SeededGenerator(seed: seed)
        var parsed = 0
        var refused = 0
        var other: [String] = []
        for _ in 0..<iterations {
            let input = mutate(Array(sample.utf8), &random)
            do {
                try parse(input)
                parsed += 1
            } catch is DomainError {
                refused += 1
            } catch is StatementFormatError {
                refused += 1
            } catch {
                other.append("\(type(of: error)): \(error)")
            }
        }
        return (parsed, refused, other)
    }

    @Test func camt053() {
        for (index, sample) in [Camt053StatementSamples.version02, Camt053StatementSamples.version08].enumerated() {
            let result = Self.fuzz(sample, seed: 53 + UInt64(index)) { _ = try Camt053Parser.parse(Data($0)) }
            #expect(result.otherErrors.isEmpty, "\(result.otherErrors.prefix(3))")
            #expect(result.refused > 0 && result.parsed > 0, "the mutations both break and keep files: \(result)")
        }
    }

    @Test func mt940() {
        for (index, sample) in [MT940StatementSamples.wrapped, MT940StatementSamples.bare].enumerated() {
            let result = Self.fuzz(sample, seed: 940 + UInt64(index)) {
                _ = try MT940Parser.parse(String(decoding: $0, as: UTF8.self))
            }
            #expect(result.otherErrors.isEmpty, "\(result.otherErrors.prefix(3))")
            #expect(result.refused > 0 && result.parsed > 0, "\(result)")
        }
    }

    @Test func bankCSV() {
        let cases: [(String, CSVStatementLayout)] = [
            (CSVStatementSamples.generic, .generic), (CSVStatementSamples.spanishBank, .spanishBank),
        ]
        for (index, (sample, layout)) in cases.enumerated() {
            let result = Self.fuzz(sample, seed: 77 + UInt64(index)) {
                _ = try CSVStatementParser.parse(String(decoding: $0, as: UTF8.self), layout: layout, account: "CO-1")
            }
            #expect(result.otherErrors.isEmpty, "\(result.otherErrors.prefix(3))")
            #expect(result.refused > 0 && result.parsed > 0, "\(result)")
        }
    }

    /// The import never throws: every problem is a row or file error with a line number.
    @Test func importCSV() throws {
        for (index, name) in [
            "quickbooks-ar-aging-detail.csv", "xero-aged-receivables-detail.csv", "clientes-latin1.csv",
        ].enumerated() {
            let sample = String(decoding: try ImportSamples.file(name), as: UTF8.self)
            var random = SeededGenerator(seed: 1_000 + UInt64(index))
            var rejected = 0
            for _ in 0..<Self.iterations {
                let kind: ImportKind = name.hasPrefix("clientes") ? .customers : .invoices
                let result = CSVImport.read(
                    Self.mutate(Array(sample.utf8), &random), kind: kind, options: ImportSamples.cop, keepingRows: false
                )
                #expect(result.errors.allSatisfy { $0.line >= 0 })
                if !result.errors.isEmpty { rejected += 1 }
            }
            #expect(rejected > 0, "mutations of \(name) must produce some row errors")
        }
    }
}
