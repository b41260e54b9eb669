import CarteraCore
import Foundation

extension KeyedDecodingContainer {
    /// SQLite hands UUIDs back as text: parsed here with `UUID(fastString:)` rather than through
    /// Foundation's `sscanf`-based path, for rows read by the hundred thousand (dunning, risk).
    /// PostgreSQL hands them back as UUIDs.
    func decodeUUID(forKey key: Key) throws -> UUID {
        if let text = try? decode(String.self, forKey: key), let id = UUID(fastString: text) { return id }
        return try decode(UUID.self, forKey: key)
    }
}
