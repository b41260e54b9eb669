import CarteraCore
import Fluent
import Vapor

/// Everything the message list shows, read once: one page of messages (newest first) under the
/// filters asked for, the customers named (for the rows and the customer filter), and the policy
/// steps the messages came from.
struct MessagesPageData {
    let query: OutboxListQuery
    let messages: [OutboxMessage]
    let total: PageTotal
    let page: PageRequest
    /// Every customer, by name, for the filter (and the rows' names).
    let customers: [Customer]
    let steps: [UUID: MessageStep]

    static func read(_ query: OutboxListQuery, in context: ServiceContext) async throws -> MessagesPageData {
        let result = try await OutboxService.list(query, in: context)
        let customers = try await Customer.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .sort(\.$legalName).limit(2_000).all()
        return MessagesPageData(
            query: query, messages: result.items, total: result.total, page: result.page, customers: customers,
            steps: try await MessageStep.read(for: result.items, on: context.db))
    }
}
