import CarteraCore
import Vapor

/// GET /worklist — today's prioritised accounts for the signed-in collector.
struct WorklistPage {
    struct Context: Encodable {
        struct Row: Encodable {
            let position: Int
            let customerId: UUID
            let name: String
            let overdue: String
            let days: Int
            let risk: String
            let riskLabel: String
            let riskReason: String
            let score: String
            let needsAction: Bool
            let badges: [String]
            let assignedTo: String?
            let assignedUserId: String
        }
        struct Option: Encodable { let id: String; let name: String }

        let scope: String
        let rows: [Row]
        let collectors: [Option]
        let today: String
    }

    static func render(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let user = try req.auth.require(User.self)
        // Collectors start on their own accounts; admins and viewers on everybody's.
        let requested = (try? req.query.get(String.self, at: "scope")) ?? (user.role == .collector ? "mine" : "all")
        let scope: WorklistQuery.Scope = switch requested {
        case "mine": .collector(try user.requireID())
        case "unassigned": .unassigned
        default: .everyone
        }
        let format = context.pageFormat(language: req.pageLanguage)
        let users = try await UserService.list(organisationID: context.organisationID, on: context.db)
        let names = Dictionary(uniqueKeysWithValues: try users.map { (try $0.requireID(), $0.name) })
        let items = try await WorklistQuery(context: context).items(scope: scope)
        let rows = try items.enumerated().map { index, item in
            var badges: [String] = []
            if item.callTasksDue > 0 { badges.append(req.text("worklist.badge.calls", ["count": String(item.callTasksDue)])) }
            if item.recentBrokenPromises > 0 { badges.append(req.text("worklist.badge.broken_promise")) }
            if item.newDisputes > 0 { badges.append(req.text("worklist.badge.new_dispute")) }
            if item.promisesDueToday > 0 { badges.append(req.text("worklist.badge.promise_today")) }
            return Context.Row(
                position: index + 1, customerId: try item.customer.requireID(), name: item.customer.legalName,
                overdue: format.moneyList(item.overdue), days: item.maximumDaysOverdue, risk: item.risk.level.rawValue,
                riskLabel: req.text("risk.\(item.risk.level.rawValue)"), riskReason: RiskText.reason(item.risk, req: req), score: format.integer(item.score), needsAction: item.needsActionToday,
                badges: badges, assignedTo: item.customer.assignedUserID.flatMap { names[$0] },
                assignedUserId: item.customer.assignedUserID?.uuidString ?? "")
        }
        let collectors = try users.filter { $0.role != .viewer && $0.disabledAt == nil }.map { Context.Option(id: try $0.requireID().uuidString, name: $0.name) }
        return try await req.render("worklist", title: "worklist.title", section: "worklist",
                                    Context(scope: requested, rows: rows, collectors: collectors, today: format.date(context.today)))
    }
}

/// The risk level's reason in words: "7 of 10 invoices paid late, 23 days on average".
enum RiskText {
    static func reason(_ risk: RiskAssessment, req: Request) -> String {
        var parts: [String] = []
        if risk.paidCount < RiskAssessment.minimumHistory {
            parts.append(req.text("risk.reason.little_history", ["count": String(risk.paidCount)]))
        } else {
            parts.append(req.text("risk.reason.late", ["late": String(risk.paidLateCount), "paid": String(risk.paidCount), "days": String(risk.averageDaysLate)]))
        }
        if risk.brokenPromises > 0 { parts.append(req.text("risk.reason.broken_promises", ["count": String(risk.brokenPromises)])) }
        return parts.joined(separator: "; ")
    }
}
