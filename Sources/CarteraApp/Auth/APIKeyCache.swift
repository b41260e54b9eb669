import Foundation
import NIOConcurrencyHelpers
import Vapor

/// API keys already checked, by the SHA-256 of their secret, for `ttl`: the key lookup was a fifth
/// of the work of a small API read. Keys are never edited, only created and revoked. A key revoked
/// through this process (`POST /api/v1/api-keys/{id}/revoke`) is forgotten at once; another
/// instance, or `cartera revoke-api-key` (a process of its own), is seen within `ttl`.
/// Unknown keys are not remembered, so a new key works at once.
final class APIKeyCache: Sendable {
    static let ttl: TimeInterval = 30
    static let capacity = 10_000

    private let entries = NIOLockedValueBox<[String: (principal: APIPrincipal, expires: Date)]>([:])

    func principal(forHash hash: String, now: Date) -> APIPrincipal? {
        entries.withLockedValue { entries in
            guard let entry = entries[hash] else { return nil }
            guard entry.expires > now else {
                entries[hash] = nil
                return nil
            }
            return entry.principal
        }
    }

    /// Drops the key, so this instance refuses it from the next request on.
    func forget(keyID: UUID) {
        entries.withLockedValue { entries in
            entries = entries.filter { $0.value.principal.keyID != keyID }
        }
    }

    func remember(_ principal: APIPrincipal, forHash hash: String, now: Date) {
        entries.withLockedValue { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[hash] = (principal, now.addingTimeInterval(Self.ttl))
        }
    }
}

extension Application {
    private struct APIKeyCacheKey: StorageKey { typealias Value = APIKeyCache }
    var apiKeyCache: APIKeyCache {
        get { storage[APIKeyCacheKey.self] ?? APIKeyCache() }
        set { storage[APIKeyCacheKey.self] = newValue }
    }
}
