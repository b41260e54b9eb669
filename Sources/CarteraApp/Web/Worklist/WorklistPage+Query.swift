import CarteraCore
import Vapor

/// Everything the worklist shows, read once: the people (for names and the assign form) and the
/// prioritised accounts in the scope asked for.
struct WorklistPageData {
    /// The scope as asked for ("mine", "all", "unassigned" or a collector's id), for the tabs.
    let scope: String
    let users: [User]
    let items: [WorklistQuery.Item]
    let today: LocalDate

    /// The narrowing asked for next to the scope: a tag, a currency, only accounts with a call due.
    struct Filters: Codable, Sendable {
        var tag: String?
        var currency: String?
        /// "1": only accounts with a call due today or before.
        var calls: String?

        var isEmpty: Bool { [tag, currency, calls].allSatisfy { ($0 ?? "").isEmpty } }

        /// Whether an account of the worklist passes; the query has already read all this.
        func admits(_ item: WorklistQuery.Item) -> Bool {
            if let tag = tag?.trimmingCharacters(in: .whitespaces).lowercased(), !tag.isEmpty,
                !item.customer.tags.contains(tag)
            {
                return false
            }
            if let currency, !currency.isEmpty, item.customer.currency != currency.uppercased() { return false }
            if calls == "1", item.callTasksDue == 0 { return false }
            return true
        }
    }

    static let limit = 200

    static func read(
        scope requested: String, filters: Filters = Filters(), for user: User, in context: ServiceContext
    ) async throws -> WorklistPageData {
        let scope = try WorklistQuery.Scope(parameter: requested, person: try user.requireID())
        let users = try await UserService.list(organisationID: context.organisationID, on: context.db)
        // The filters only look at what the query read for every account, so they cost nothing
        // more; the first `limit` are kept after filtering, not before.
        let items = try await WorklistQuery(context: context).items(
            scope: scope, limit: filters.isEmpty ? limit : Int.max)
        return WorklistPageData(
            scope: requested, users: users, items: Array(items.filter(filters.admits).prefix(limit)),
            today: context.today)
    }
}
