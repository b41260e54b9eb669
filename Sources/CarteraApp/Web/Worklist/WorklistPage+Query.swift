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
    /// The page shown (from 1) and whether accounts follow it.
    var page = 1
    var hasMore = false

    /// The narrowing asked for next to the scope: a tag, a currency, only accounts with a call due.
    struct Filters: Codable, Sendable {
        var tag: String?
        var currency: String?
        /// "1": only accounts with a call due today or before.
        var calls: String?
        /// From 1; each page holds `WorklistPageData.limit` accounts.
        var page: Int?

        var isEmpty: Bool { [tag, currency, calls].allSatisfy { ($0 ?? "").isEmpty } }

        var narrowing: WorklistQuery.Narrowing {
            WorklistQuery.Narrowing(tag: tag, currency: currency, callsOnly: calls == "1")
        }
    }

    static let limit = 200

    static func read(
        scope requested: String, filters: Filters = Filters(), for user: User, in context: ServiceContext
    ) async throws -> WorklistPageData {
        let scope = try WorklistQuery.Scope(parameter: requested, person: try user.requireID())
        let users = try await UserService.list(organisationID: context.organisationID, on: context.db)
        let page = try PageRequest(page: filters.page, perPage: limit)
        // One more than a page says whether another follows, without counting every account.
        let items = try await WorklistQuery(context: context).items(
            scope: scope, narrowing: filters.narrowing, limit: limit + 1, offset: page.offset)
        return WorklistPageData(
            scope: requested, users: users, items: Array(items.prefix(limit)), today: context.today,
            page: page.page, hasMore: items.count > limit)
    }
}
