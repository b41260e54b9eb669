import Fluent
import SQLKit
import Vapor

struct PageRequest: Sendable {
    static let maxPerPage = 200
    /// A million pages of 200 is far past any ledger, and keeps every offset small: no page number
    /// a client sends can overflow `(page - 1) * per_page`.
    static let maxPage = 1_000_000
    let page: Int
    let perPage: Int

    init(page: Int?, perPage: Int?) throws {
        self.page = page ?? 1
        self.perPage = perPage ?? 50
        guard (1...Self.maxPage).contains(self.page) else {
            throw ServiceError.invalid("page", code: "out_of_range", "page must be between 1 and \(Self.maxPage)")
        }
        guard (1...Self.maxPerPage).contains(self.perPage) else {
            throw ServiceError.invalid(
                "per_page", code: "out_of_range", "per_page must be between 1 and \(Self.maxPerPage)")
        }
    }

    var offset: Int { (page - 1) * perPage }
}

/// How many items a listing holds. Counted exactly while they are at most `exactLimit` (or up to
/// the requested page, if further): counting a million invoices costs a tenth of a second on every
/// page of the list, a hundred times the page itself. Past the limit the count is a lower bound.
struct PageTotal: Sendable, Equatable {
    static let exactLimit = 10_000

    let count: Int
    let isExact: Bool

    static func exact(_ count: Int) -> PageTotal { PageTotal(count: count, isExact: true) }
}

struct Page<Item: Content>: Content {
    let items: [Item]
    let page: Int
    let perPage: Int
    /// Exact when `totalExact`; otherwise "at least this many".
    let total: Int
    let totalExact: Bool
    /// Whether a later page has items.
    let hasMore: Bool

    init(items: [Item], page: PageRequest, total: PageTotal) {
        self.items = items
        self.page = page.page
        perPage = page.perPage
        self.total = total.count
        totalExact = total.isExact
        hasMore = !total.isExact || page.offset + items.count < total.count
    }
}

extension QueryBuilder {
    func page(_ request: PageRequest) async throws -> (items: [Model], total: PageTotal) {
        let total = try await pageTotal(request)
        let items = try await self.copy().range(request.offset..<(request.offset + request.perPage)).all()
        return (items, total)
    }

    /// How many items the listing holds, as `PageTotal` counts them for `request`.
    func pageTotal(_ request: PageRequest) async throws -> PageTotal {
        let limit = Swift.max(PageTotal.exactLimit, request.offset + request.perPage)
        return try await self.copy().offset(limit).first() == nil
            ? .exact(try await countRows())
            : PageTotal(count: limit + 1, isExact: false)
    }

    /// `COUNT(*)`: Fluent's `count()` counts the id column, which is not in the indexes a listing's
    /// filters use, so it reads every row's table entry.
    func countRows() async throws -> Int {
        // A DISTINCT query counts distinct ids, as Fluent does.
        guard !query.isUnique else { return try await count() }
        let count = SQLRaw("COUNT(*) AS \"\(FieldKey.aggregate.description)\"")
        return try await self.aggregate(.custom(count), as: Int.self)
    }
}
