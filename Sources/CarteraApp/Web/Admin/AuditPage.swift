import Fluent
import Vapor

/// GET /audit — who changed what and when, newest first, filterable by what happened and by who,
/// both chosen from lists in the page's language.
struct AuditPage {
    struct Context: Encodable {
        struct Row: Encodable {
            let at: String
            let actor: String
            let action: String
            let actionLabel: String
            let link: String?
            let details: String
        }
        typealias Option = SelectOption
        let rows: [Row]
        let actions: [Option]
        let actors: [Option]
        let page: Int
        let hasMore: Bool
        let nextLink: String
        let links = Links()
        struct Links: Encodable { let audit = AppURL.audit }
    }

    static let perPage = 100

    static func render(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let format = context.pageFormat(language: req.pageLanguage)
        let action = (try? req.query.get(String.self, at: "action"))?.trimmingCharacters(in: .whitespaces) ?? ""
        let actor = (try? req.query.get(String.self, at: "actor"))?.trimmingCharacters(in: .whitespaces) ?? ""
        // Held to the listing's page range: a huge page number must not overflow the offset.
        let page = min(max(1, (try? req.query.get(Int.self, at: "page")) ?? 1), PageRequest.maxPage)
        let trail = AuditEvent.query(on: context.db).filter(\.$organisationID == context.organisationID)
        let query = trail.copy()
        if !action.isEmpty { query.filter(\.$action == action) }
        if !actor.isEmpty { query.filter(\.$actor == actor) }
        let events = try await query.sort(\.$occurredAt, .descending).sort(\.$id).range(
            (page - 1) * perPage..<page * perPage + 1
        ).all()
        let users = try await UserService.list(organisationID: context.organisationID, on: context.db)
        let words = AuditText(
            format: format, people: Dictionary(users.map { ($0.email, $0.name) }) { first, _ in first })
        let rows = events.prefix(perPage).map { event in
            let details = (try? JSONDecoder().decode([String: String].self, from: Data(event.details.utf8))) ?? [:]
            let link: String? =
                switch event.entityType {
                case "invoice": AppURL.invoice(event.entityID)
                case "customer": AppURL.customer(event.entityID)
                default: details["customer_id"].map { AppURL.customer($0) }
                }
            return Context.Row(
                at: format.moment(event.occurredAt), actor: words.actor(event.actor), action: event.action,
                actionLabel: words.action(event.action), link: link,
                details: words.details(details, entity: event.entityType))
        }
        let options = { (values: [String], label: (String) -> String, chosen: String) in
            values.map { Context.Option(value: $0, label: label($0), selected: $0 == chosen) }.sorted {
                $0.label.localizedStandardCompare($1.label) == .orderedAscending
            }
        }
        let kinds = try await trail.copy().unique().all(\.$action)
        let actors = try await trail.copy().unique().all(\.$actor)
        return try await req.render(
            "audit", title: "audit.title", section: "audit",
            Context(
                rows: Array(rows), actions: options(kinds, words.action, action),
                actors: options(actors, words.actor, actor), page: page, hasMore: events.count > perPage,
                nextLink: AppURL.audit(page: page + 1, action: action, actor: actor)))
    }
}
