import CarteraCore
import Vapor

/// GET /messages — the outbox and its history: queued, sent, failed and cancelled, newest first,
/// filtered by state, channel, customer and the days they were queued.
struct MessagesPage {
    struct Context: Encodable {
        struct Row: Encodable {
            let url: String
            let when: String
            let customer: String
            let customerURL: String
            let channel: String
            let step: String
            let subject: String
            let status: String
            let statusLabel: String
            let failure: String?
        }
        typealias Option = SelectOption
        struct Pager: Encodable {
            let page: Int
            let pages: String
            let previous: String?
            let next: String?
        }

        let rows: [Row]
        let total: String
        let statuses: [Option]
        let channels: [Option]
        let customers: [Option]
        let from: String
        let to: String
        let pager: Pager
        let clearURL = AppURL.messages
        let actionURL = AppURL.messages
    }

    /// The filter form as posted: an empty choice is no filter (the outbox query wants a customer id or none).
    struct Filters: Decodable {
        var page: Int?
        var status: String?
        var channel: String?
        var customerId: String?
        var from: String?
        var to: String?
        enum CodingKeys: String, CodingKey { case page, status, channel, customerId = "customer_id", from, to }

        func query() throws -> OutboxListQuery {
            func given(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
            let customer = try given(customerId).map {
                try UUID(uuidString: $0) ?? { throw ServiceError.invalid("customer_id", "customer_id is not an id") }()
            }
            return OutboxListQuery(
                page: page, perPage: 50, status: given(status), customerId: customer, channel: given(channel),
                from: given(from), to: given(to))
        }
    }

    static func render(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let data = try await MessagesPageData.read(try req.query.decode(Filters.self).query(), in: context)
        return try await req.render(
            "messages/index", title: "messages.title", section: "messages",
            try Context(data: data, format: context.pageFormat(language: req.pageLanguage), timeZone: context.timeZone))
    }
}
