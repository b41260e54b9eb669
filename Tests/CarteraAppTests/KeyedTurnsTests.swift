import NIOConcurrencyHelpers
import Testing

@testable import CarteraApp

/// Work for one key takes turns, in arrival order; work for another key does not wait for it.
@Suite struct KeyedTurnsTests {
    @Test func oneKeyRunsOneAtATimeOtherKeysDoNot() async throws {
        let turns = KeyedTurns<String>()
        let running = NIOLockedValueBox<[String: Int]>([:])
        let most = NIOLockedValueBox<[String: Int]>([:])
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<40 {
                let key = index.isMultiple(of: 2) ? "a" : "b"
                group.addTask {
                    try await turns.inTurn(key) {
                        let now = running.withLockedValue {
                            $0[key, default: 0] += 1
                            return $0[key]!
                        }
                        most.withLockedValue { $0[key] = max($0[key, default: 0], now) }
                        try await Task.sleep(for: .milliseconds(2))
                        running.withLockedValue { $0[key, default: 0] -= 1 }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(most.withLockedValue { $0 } == ["a": 1, "b": 1])
        // a failure gives the turn back
        await #expect(throws: CancellationError.self) { try await turns.inTurn("a") { throw CancellationError() } }
        #expect(try await turns.inTurn("a") { 7 } == 7)
    }

    @Test func twoKeysOverlap() async throws {
        let turns = KeyedTurns<String>()
        let inside = NIOLockedValueBox(0)
        let overlapped = NIOLockedValueBox(false)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for key in ["x", "y"] {
                group.addTask {
                    try await turns.inTurn(key) {
                        inside.withLockedValue { $0 += 1 }
                        for _ in 0..<200 where !overlapped.withLockedValue({ $0 }) {
                            if inside.withLockedValue({ $0 }) == 2 { overlapped.withLockedValue { $0 = true } }
                            try await Task.sleep(for: .milliseconds(5))
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(overlapped.withLockedValue { $0 })
    }
}
