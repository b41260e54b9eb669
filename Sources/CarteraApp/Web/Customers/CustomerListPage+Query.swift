import CarteraCore
import Fluent
import Vapor

/// Everything the customer list shows, read once: the page of customers, what they owe, the
/// people (collector names and the collector filter) and the currencies customers are billed in.
struct CustomerListPageData {
    let filters: CustomerListing.Filters
    let customers: [Customer]
    let total: Int
    let page: PageRequest
    /// The listed customers' summaries (balances, overdue, risk); none for a customer with nothing to summarise.
    let summaries: [UUID: CustomerSummary]
    let users: [User]
    let currencies: [String]

    static func read(_ filters: CustomerListing.Filters, in context: ServiceContext) async throws
        -> CustomerListPageData
    {
        let result = try await CustomerListing(context: context).read(filters)
        let ids = try result.customers.map { try $0.requireID() }
        let currencies = try await Customer.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .unique().all(\.$currency).sorted()
        return CustomerListPageData(
            filters: filters, customers: result.customers, total: result.total, page: result.page,
            summaries: try await CustomerSummaries.stored(
                organisationID: context.organisationID, customerIDs: ids, on: context.db),
            users: try await UserService.list(organisationID: context.organisationID, on: context.db),
            currencies: currencies)
    }
}
