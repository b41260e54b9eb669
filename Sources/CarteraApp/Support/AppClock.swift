import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The source of "now". Injected so that every scheduling decision is deterministic in tests.
public protocol AppClock: Sendable {
    func now() -> Date
}

public struct SystemClock: AppClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that only moves when told to.
public final class FixedClock: AppClock {
    private let current: NIOLockedValueBox<Date>
    public init(_ date: Date) { current = NIOLockedValueBox(date) }
    public func now() -> Date { current.withLockedValue { $0 } }
    public func set(_ date: Date) { current.withLockedValue { $0 = date } }
    public func advance(days: Int) {
        current.withLockedValue { $0 = $0.addingTimeInterval(TimeInterval(days * 86_400)) }
    }
}

extension Application {
    private struct ClockKey: StorageKey { typealias Value = any AppClock }

    public var clock: any AppClock {
        get { storage[ClockKey.self] ?? SystemClock() }
        set { storage[ClockKey.self] = newValue }
    }
}

extension Request {
    public var clock: any AppClock { application.clock }
}
