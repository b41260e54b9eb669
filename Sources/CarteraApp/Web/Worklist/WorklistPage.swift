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
        /// The scope tabs, each keeping the filters chosen.
        struct Links: Encodable {
            let mine: String, all: String, unassigned: String

            init(_ filters: WorklistPageData.Filters) {
                // A tab starts at the first page.
                func tab(_ scope: String) -> String {
                    filters.isEmpty
                        ? AppURL.worklist(scope: scope)
                        : AppURL.worklist(
                            scope: scope, tag: filters.tag, currency: filters.currency, calls: filters.calls)
                }
                mine = tab("mine")
                all = tab("all")
                unassigned = tab("unassigned")
            }
        }

        let scope: String
        let filters: WorklistPageData.Filters
        let search = AppURL.worklist
        let bulkAssign = AppURL.worklistAssign, bulkStatements = AppURL.worklistStatements
        let rows: [Row]
        let collectors: [Option]
        let today: String
        let links: Links
        /// The pager: the page shown and the links to the pages around it (nil at either end).
        let page: Int
        let previous: String?
        let next: String?
    }

    /// The bulk forms: the ticked rows to one collector, or their statements sent now.
    static func assignMany(req: Request) async throws -> Response {
        let input = try req.content.decode(BulkAccountsInput.self)
        let outcome = try await BulkActions.assign(
            input.customerIds ?? [], to: try input.collector(), in: try await req.serviceContext())
        req.session.flash(req.text("flash.bulk_assigned", ["count": String(outcome.done)]))
        return req.redirectBack(fallback: AppURL.worklist)
    }

    static func sendStatements(req: Request) async throws -> Response {
        let input = try req.content.decode(BulkAccountsInput.self)
        let outcome = try await BulkActions.sendStatements(input.customerIds ?? [], in: try await req.serviceContext())
        let skipped = outcome.skipped.values.reduce(0, +)
        req.session.flash(
            req.text(
                skipped == 0 ? "flash.bulk_statements" : "flash.bulk_statements_skipped",
                ["count": String(outcome.done), "skipped": String(skipped)]))
        return req.redirectBack(fallback: AppURL.worklist)
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
