import CarteraCore
import Vapor

/// The aging tables' options on the reports page, from the query string: one currency or all, and
/// a page for each table (`customer_page`, `collector_page`), 50 rows a page.
struct ReportsPageOptions {
    struct Query: Content {
        var currency: String?
        var customerPage: Int?
        var collectorPage: Int?
        enum CodingKeys: String, CodingKey {
            case currency
            case customerPage = "customer_page"
            case collectorPage = "collector_page"
        }
    }

    static let perPage = 50

    let currency: Currency?
    let customerPage: PageRequest
    let collectorPage: PageRequest

    /// A bad currency code or page number is a 422 naming the parameter.
    init(_ query: Query) throws {
        currency = try query.currency.flatMap { $0.isEmpty ? nil : try FieldParser.currency($0, "currency") }
        customerPage = try Self.page(query.customerPage, "customer_page")
        collectorPage = try Self.page(query.collectorPage, "collector_page")
    }

    private static func page(_ number: Int?, _ field: String) throws -> PageRequest {
        do { return try PageRequest(page: number, perPage: perPage) } catch is ServiceError {
            throw ServiceError.invalid(
                field, code: "out_of_range", "\(field) must be between 1 and \(PageRequest.maxPage)")
        }
    }
}
