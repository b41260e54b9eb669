import Fluent
import Foundation

extension UserService {
    /// The person's own choice whether the morning digest of what the run sends comes to them; the
    /// organisation's `outgoing_digest` stays the master switch.
    static func setOutgoingDigest(_ wanted: Bool, for user: User, in context: ServiceContext) async throws {
        let id = try user.requireID()
        try await context.transaction { context in
            try await User.query(on: context.db).filter(\.$id == id).set(\.$outgoingDigest, to: wanted).update()
            try await AuditLog.record(
                "user.outgoing_digest_changed", entityType: "user", entityID: id,
                details: ["outgoing_digest": String(wanted)], in: context)
        }
    }
}
