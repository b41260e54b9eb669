import Foundation
import NIOConcurrencyHelpers

/// Work for one key runs one at a time in this process, first come first served, waiting without
/// holding a thread or a pooled connection. In front of a row lock it keeps a burst through one key
/// (posts through one portal link) from filling the connection pool with transactions that only wait
/// for that lock, which left every other request of the instance waiting for a connection. Across
/// instances the row lock still decides. With a single key it is the SQLite write queue (`WriteIntent`).
final class KeyedTurns<Key: Hashable & Sendable>: Sendable {
    private let state = NIOLockedValueBox<[Key: [CheckedContinuation<Void, Never>]]>([:])

    func inTurn<T>(_ key: Key, _ work: () async throws -> T) async throws -> T {
        await acquire(key)
        defer { release(key) }
        return try await work()
    }

    private func acquire(_ key: Key) async {
        await withCheckedContinuation { continuation in
            let granted = state.withLockedValue { waiting -> Bool in
                // A key present means its turn is taken; the array holds who waits after it.
                guard waiting[key] != nil else {
                    waiting[key] = []
                    return true
                }
                waiting[key]?.append(continuation)
                return false
            }
            if granted { continuation.resume() }
        }
    }

    private func release(_ key: Key) {
        let next = state.withLockedValue { waiting -> CheckedContinuation<Void, Never>? in
            guard var queue = waiting[key], !queue.isEmpty else {
                waiting[key] = nil
                return nil
            }
            let first = queue.removeFirst()
            waiting[key] = queue
            return first
        }
        next?.resume()
    }
}
