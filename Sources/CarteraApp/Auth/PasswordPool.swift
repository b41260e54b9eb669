import NIOConcurrencyHelpers
import NIOPosix
import Vapor

/// bcrypt on a few threads of its own, never on an event loop: at cost 12 one check takes about a
/// quarter of a second of a core, and 24 sign-ins at once used to stall every request of the server
/// (`/health` took 1.9 s). Two threads leave the event loops a core on a two-core machine; a burst
/// waits in a queue of at most `maximumWaiting` checks and anything beyond is refused as busy (429).
final class PasswordPool: Sendable {
    static let defaultThreads = 2
    static let maximumWaiting = 64

    struct Busy: Error {}

    private let pool: NIOThreadPool
    private let waiting = NIOLockedValueBox(0)
    private let dummyHashes = NIOLockedValueBox<[Int: String]>([:])

    init(threads: Int = defaultThreads) {
        pool = NIOThreadPool(numberOfThreads: max(1, threads))
        pool.start()
    }

    func verify(_ password: String, hash: String) async throws -> Bool {
        try await run { Passwords.verify(password, hash: hash) }
    }

    func hash(_ password: String, cost: Int) async throws -> String {
        try await run { try Passwords.hash(password, cost: cost) }
    }

    /// The same work as checking a real password of `cost`, for an email nobody has: the answer
    /// then takes as long as for a known email with a wrong password.
    func verifyDummy(_ password: String, cost: Int) async throws {
        let dummy: String
        if let known = dummyHashes.withLockedValue({ $0[cost] }) {
            dummy = known
        } else {
            dummy = try await hash("not a real password \(UUID().uuidString)", cost: cost)
            dummyHashes.withLockedValue { $0[cost] = dummy }
        }
        _ = try await verify(password, hash: dummy)
    }

    func shutdown() async throws {
        try await pool.shutdownGracefully()
    }

    private func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        let admitted = waiting.withLockedValue { count -> Bool in
            guard count < Self.maximumWaiting else { return false }
            count += 1
            return true
        }
        guard admitted else { throw Busy() }
        defer { waiting.withLockedValue { $0 -= 1 } }
        return try await pool.runIfActive(body)
    }
}

extension Application {
    private struct PasswordPoolKey: StorageKey { typealias Value = PasswordPool }

    /// Made by `configure`; shut down with the application.
    var passwordPool: PasswordPool {
        guard let pool = storage[PasswordPoolKey.self] else {
            preconditionFailure("configure(_:config:) sets up the password pool")
        }
        return pool
    }

    func usePasswordPool(threads: Int = PasswordPool.defaultThreads) async {
        await storage.setWithAsyncShutdown(PasswordPoolKey.self, to: PasswordPool(threads: threads)) { pool in
            try await pool.shutdown()
        }
    }
}
