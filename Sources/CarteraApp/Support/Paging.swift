import Fluent
import Vapor

struct PageRequest: Sendable {
    static let maxPerPage = 200
    let page: Int
    let perPage: Int

    init(page: Int?, perPage: Int?) throws {
        self.page = page ?? 1
        self.perPage = perPage ?? 50
        guard self.page >= 1 else { throw APIError.invalid("page", "page must be 1 or more") }
        guard (1...Self.maxPerPage).contains(self.perPage) else {
            throw APIError.invalid("per_page", "per_page must be between 1 and \(Self.maxPerPage)")
        }
    }

    var offset: Int { (page - 1) * perPage }
}

struct Page<Item: Content>: Content {
    let items: [Item]
    let page: Int
    let perPage: Int
    let total: Int
}

extension QueryBuilder {
    func page(_ request: PageRequest) async throws -> (items: [Model], total: Int) {
        let total = try await self.copy().count()
        let items = try await self.copy().range(request.offset..<(request.offset + request.perPage)).all()
        return (items, total)
    }
}
