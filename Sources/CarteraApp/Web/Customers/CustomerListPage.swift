import CarteraCore
import Vapor

/// GET /customers — every customer, found with the same search as the top bar, filtered by
/// collector, tag, risk, currency or a call due, sorted by any column and paged; the filters
/// travel in the query string, so a filtered list can be bookmarked and every link keeps them.
struct CustomerListPage {
    struct Context: Encodable {
        struct Row: Encodable {
            let url: String
            let name: String
            let taxId: String
            let details: String
            let currency: String
            let balance: String
            let overdue: String
            let risk: String
            let tags: String
        }
        typealias Option = SelectOption
        /// A column heading that sorts the list by it (the other way round when it already does).
        struct Column: Encodable {
            let label: String
            let url: String
            /// "ascending" or "descending" when the list is sorted by this column.
            let sorted: String?
        }
        struct Links: Encodable {
            let list = AppURL.customers
            let previous: String
            let next: String
            let clear = AppURL.customers
        }

        let filters: CustomerListing.Filters
        let collectors: [Option]
        let risks: [Option]
        let currencies: [Option]
        let columns: [String: Column]
        let rows: [Row]
        let total: Int
        let page: Int
        let pages: Int
        let filtered: Bool
        let links: Links
    }

    static func render(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let filters = try req.query.decode(CustomerListing.Filters.self)
        let data = try await CustomerListPageData.read(filters, in: context)
        return try await req.render(
            "customers/index", title: "customers.title", section: "customers",
            try Context(data: data, format: context.pageFormat(language: req.pageLanguage)))
    }
}
