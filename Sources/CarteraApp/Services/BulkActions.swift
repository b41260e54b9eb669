import CarteraCore
import Foundation

/// What a collector does to several accounts at once from the worklist or the customer list.
enum BulkActions {
    /// At most this many accounts per action: a page shows 200.
    static let limit = 200

    /// What happened to each account: done, or why not, in the caller's terms.
    struct Outcome: Sendable {
        var done = 0
        /// Accounts left as they were, by the refusal's code (`statement_already_sent`, `no_contact` …).
        var skipped: [String: Int] = [:]
    }

    /// Gives every chosen account to one collector (or to nobody), all or nothing: one transaction,
    /// one audit event per account as when done one by one.
    static func assign(_ customerIDs: [UUID], to userID: UUID?, in context: ServiceContext) async throws -> Outcome {
        let ids = try chosen(customerIDs)
        return try await context.transaction { tx in
            for id in ids {
                _ = try await CustomerService.assign(try await CustomerService.find(id, in: tx), to: userID, in: tx)
            }
            return Outcome(done: ids.count)
        }
    }

    /// Sends the statement now to every chosen account that can get one today; the others are
    /// counted by the reason they could not (already sent today, do not contact, owes nothing, no
    /// email), each account in its own transaction so one refusal stops nobody else's statement.
    static func sendStatements(_ customerIDs: [UUID], in context: ServiceContext) async throws -> Outcome {
        var outcome = Outcome()
        for id in try chosen(customerIDs) {
            let customer = try await CustomerService.find(id, in: context)
            do {
                _ = try await StatementService.sendNow(customer, in: context)
                outcome.done += 1
            } catch let refusal as ServiceError where refusal.kind == .conflict {
                outcome.skipped[refusal.code, default: 0] += 1
            }
        }
        return outcome
    }

    private static func chosen(_ ids: [UUID]) throws -> [UUID] {
        var seen = Set<UUID>()
        let unique = ids.filter { seen.insert($0).inserted }
        guard !unique.isEmpty else { throw ServiceError.missing("customer_ids") }
        guard unique.count <= limit else {
            throw ServiceError.invalid("customer_ids", code: "out_of_range", "At most \(limit) accounts at once")
        }
        return unique
    }
}
