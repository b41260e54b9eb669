import Foundation
import Testing

@testable import CarteraApp

/// The bench's hand-written baselines answer the app's questions: `cartera bench` on a small
/// generated ledger prints what it compared and no "baseline differs" warning (both engines in CI).
@Suite("Bench baselines")
struct BenchBaselineTests {
    @Test("every baseline agrees with the app on a generated ledger")
    func baselinesAgree() async throws {
        try await TestHarness.run { h in
            // when
            let output = try await RecordingConsole.run(
                BenchCommand(), ["--invoices", "1000", "--runs", "1", "--import-rows", "0"], app: h.app)
            // then
            #expect(output.contains("| worklist, first 200 accounts |"))
            #expect(output.contains("| forecast, balance per expected week |"))
            let checked = try #require(output.split(separator: "\n").first { $0.hasPrefix("Baselines checked") })
            // A check that compared nothing would agree trivially.
            #expect(!checked.contains("dunning 0 "))
            #expect(!checked.contains("customer list 0 "))
            #expect(!output.contains("warning:"), "\(output)")
        }
    }
}
