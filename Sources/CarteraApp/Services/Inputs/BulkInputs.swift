import Foundation

/// Several accounts at once: `customer_ids` (at most 200) and, to assign them, `user_id` (empty or
/// absent gives them to nobody). The page posts `customerIds[]` and `userId`.
struct BulkAccountsInput: Codable, Sendable {
    var customerIds: [UUID]?
    var userId: String?

    /// The collector to give the accounts to; a value that is not an id is refused, never read as "nobody".
    func collector() throws -> UUID? {
        guard let raw = userId?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        guard let id = UUID(uuidString: raw) else {
            throw ServiceError.invalid(
                "user_id", code: "unknown_user", "Choose an active collector or admin of this organisation")
        }
        return id
    }
}
