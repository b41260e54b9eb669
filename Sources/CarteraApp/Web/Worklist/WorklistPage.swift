import CarteraCore
import Vapor

/// GET /worklist — today's prioritised accounts for the signed-in collector.
struct WorklistPage {
    struct Context: Encodable {
        struct Row: Encodable {
            let position: Int
            let customerId: UUID
            let customerURL: String
            let assignURL: String
            let name: String
            let overdue: String
            let days: Int
            let risk: String
            let riskLabel: String
            let riskReason: String
            /// Why the account is at this rank, in words (the score itself is only for ordering).
            let why: String
            let needsAction: Bool
            let badges: [String]
            let assignedTo: String?
            let assignedUserId: String
        }
        struct Option: Encodable {
            let id: String
            let name: String
        }
        /// The scope tabs.
        struct Links: Encodable {
            let mine = AppURL.worklist(scope: "mine"), all = AppURL.worklist(scope: "all"),
                unassigned = AppURL.worklist(scope: "unassigned")
        }

        let scope: String
        let filters: WorklistPageData.Filters
        let search = AppURL.worklist
        let rows: [Row]
        let collectors: [Option]
        let today: String
        let links = Links()
    }

    static func render(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let user = try req.auth.require(User.self)
        // Collectors start on their own accounts; admins and viewers on everybody's.
        let requested = (try? req.query.get(String.self, at: "scope")) ?? (user.role == .collector ? "mine" : "all")
        let filters = try req.query.decode(WorklistPageData.Filters.self)
        let data = try await WorklistPageData.read(scope: requested, filters: filters, for: user, in: context)
        return try await req.render(
            "worklist", title: "worklist.title", section: "worklist",
            try Context(data: data, format: context.pageFormat(language: req.pageLanguage), filters: filters))
    }
}
