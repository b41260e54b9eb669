import CarteraCore
import Fluent
import Vapor

/// Everything "My tasks" shows, read once: the tasks under the filters asked for (each with its
/// customer), the people (for the collector's name) and the customers (for the new-task form).
struct TasksPageData {
    /// The scope as asked for ("mine", "all", "unassigned"), for the tabs.
    let scope: String
    let query: TaskListQuery
    let tasks: [CollectionTask]
    let users: [User]
    let customers: [Customer]
    let today: LocalDate

    static func read(scope requested: String, _ query: TaskListQuery, for user: User, in context: ServiceContext)
        async throws -> TasksPageData
    {
        let scope: TaskService.Scope =
            switch requested {
            case "mine": .collector(try user.requireID())
            case "unassigned": .unassigned
            default: .everyone
            }
        let customers = try await Customer.query(on: context.db)
            .filter(\.$organisationID == context.organisationID)
            .sort(\.$legalName).limit(2_000).all()
        return TasksPageData(
            scope: requested, query: query, tasks: try await TaskService.list(query, scope: scope, in: context),
            users: try await UserService.list(organisationID: context.organisationID, on: context.db),
            customers: customers, today: context.today)
    }
}
