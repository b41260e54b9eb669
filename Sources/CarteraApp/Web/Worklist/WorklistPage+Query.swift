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

    static func read(scope requested: String, for user: User, in context: ServiceContext) async throws
        -> WorklistPageData
    {
        let scope = try WorklistQuery.Scope(parameter: requested, person: try user.requireID())
        let users = try await UserService.list(organisationID: context.organisationID, on: context.db)
        return WorklistPageData(
            scope: requested, users: users, items: try await WorklistQuery(context: context).items(scope: scope),
            today: context.today)
    }
}
