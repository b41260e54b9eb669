import Fluent
import Vapor

/// GET /audit — who changed what and when, newest first, filterable by action and actor.
struct AuditPage {
    struct Context: Encodable {
        struct Row: Encodable {
            let at: String
            let actor: String
            let action: String
            let actionLabel: String
            let entity: String
            let link: String?
            let details: String
        }
        let rows: [Row]
        let action: String
        let actor: String
        let page: Int
        let hasMore: Bool
        let nextLink: String
        let links = Links()
        struct Links: Encodable { let audit = AppURL.audit }
    }

    static let perPage = 100

    static func render(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let action = (try? req.query.get(String.self, at: "action"))?.trimmingCharacters(in: .whitespaces) ?? ""
        let actor = (try? req.query.get(String.self, at: "actor"))?.trimmingCharacters(in: .whitespaces) ?? ""
        // Held to the listing's page range: a huge page number must not overflow the offset.
        let page = min(max(1, (try? req.query.get(Int.self, at: "page")) ?? 1), PageRequest.maxPage)
        let query = AuditEvent.query(on: context.db).filter(\.$organisationID == context.organisationID)
        if !action.isEmpty { query.filter(\.$action ~~ action) }
        if !actor.isEmpty { query.filter(\.$actor ~~ actor) }
        let events = try await query.sort(\.$occurredAt, .descending).sort(\.$id).range(
            (page - 1) * perPage..<page * perPage + 1
        ).all()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = context.timeZone
        let rows = events.prefix(perPage).map { event in
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: event.occurredAt)
            let details = (try? JSONDecoder().decode([String: String].self, from: Data(event.details.utf8))) ?? [:]
            let link: String? =
                switch event.entityType {
                case "invoice": AppURL.invoice(event.entityID)
                case "customer": AppURL.customer(event.entityID)
                default: details["customer_id"].map { AppURL.customer($0) }
                }
            return Context.Row(
                at: String(
                    format: "%04d-%02d-%02d %02d:%02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0,
                    c.minute ?? 0, c.second ?? 0),
                actor: event.actor, action: event.action, actionLabel: req.text("audit.\(event.action)"),
                entity: event.entityType, link: link,
                details: details.keys.sorted().map { "\($0)=\(details[$0]!)" }.joined(separator: " · "))
        }
        let nextLink = AppURL.audit(page: page + 1, action: action, actor: actor)
        return try await req.render(
            "audit", title: "audit.title", section: "audit",
            Context(
                rows: Array(rows), action: action, actor: actor, page: page, hasMore: events.count > perPage,
                nextLink: nextLink))
    }
}
