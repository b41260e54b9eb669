import CarteraCore
import Vapor

/// Everything the search page shows, read once: what `SearchQuery` found, the people (collectors'
/// names next to customers) and the balances owed by the customers found.
struct SearchPageData {
    let text: String
    let results: SearchQuery.Results
    let users: [User]
    /// Open balances of the customers found, per customer and currency.
    let owed: [UUID: [Money]]

    static let limit = 20

    static func read(_ text: String, in context: ServiceContext) async throws -> SearchPageData {
        let trimmed = String(text.trimmingCharacters(in: .whitespacesAndNewlines).prefix(100))
        let results =
            trimmed.isEmpty
            ? SearchQuery.Results() : try await SearchQuery(context: context).results(trimmed, limit: limit)
        let users = try await UserService.list(organisationID: context.organisationID, on: context.db)
        let owed = try await CustomerBalances.owed(try results.customers.map { try $0.requireID() }, in: context)
        return SearchPageData(text: trimmed, results: results, users: users, owed: owed)
    }
}
