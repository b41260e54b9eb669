import CarteraCore
import Fluent
import FluentSQL
import Foundation
import SQLKit

/// The customer list: the search box's matches (`SearchQuery`, the same search as the top bar),
/// narrowed by collector, tag, currency, risk and "needs a call", sorted and paged. Filters and
/// sorting are SQL; only the risk level, which is computed from each customer's history, is
/// applied to the ids SQL returns.
struct CustomerListing {
    /// What the list's query string asks for; every value as typed, unknown ones ignored.
    struct Filters: Codable, Sendable {
        var q: String?
        /// A collector's id, or "none" for the accounts nobody collects.
        var collector: String?
        var tag: String?
        var risk: String?
        var currency: String?
        /// "1": only customers with a call due today or before.
        var calls: String?
        var sort: String?
        /// "desc" for descending; ascending otherwise.
        var dir: String?
        var page: Int?
    }

    enum Sort: String, CaseIterable, Sendable {
        case name, taxID = "tax_id", balance, currency
    }

    let context: ServiceContext
    static let perPage = 50

    func read(_ filters: Filters) async throws -> (customers: [Customer], total: Int, page: PageRequest) {
        let page = try PageRequest(page: filters.page, perPage: Self.perPage)
        let builder = Customer.query(on: context.db).filter(\.$organisationID == context.organisationID)
        var ranked: [UUID]?
        if let text = filters.q?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            let ids = try await SearchQuery(context: context).customerIDs(text)
            ranked = ids
            builder.filter(\.$id ~~ ids)
        }
        switch filters.collector {
        case "none"?: builder.filter(\.$assignedUserID == nil)
        case let value?: if let id = UUID(uuidString: value) { builder.filter(\.$assignedUserID == id) }
        case nil: break
        }
        if let code = filters.currency, !code.isEmpty { builder.filter(\.$currency == code.uppercased()) }
        if let tag = filters.tag?.trimmingCharacters(in: .whitespaces).lowercased(), !tag.isEmpty {
            builder.filter(.sql(embed: try context.db.dialect.hasTag(tag, column: "customers.tags")))
        }
        if filters.calls == "1" {
            builder.filter(
                .sql(
                    embed: """
                        EXISTS (SELECT 1 FROM collection_tasks t WHERE t.customer_id = customers.id
                        AND t.status = 'open' AND t.kind = 'call' AND t.due_on <= \(bind: context.today.iso))
                        """))
        }
        let sort = filters.sort.flatMap(Sort.init(rawValue:))
        let direction: SQLDirection = filters.dir == "desc" ? .descending : .ascending
        switch sort {
        case .name?, nil: builder.sort(\.$legalName, filters.dir == "desc" ? .descending : .ascending)
        case .taxID?: builder.sort(\.$searchTaxID, filters.dir == "desc" ? .descending : .ascending)
        case .currency?: builder.sort(\.$currency, filters.dir == "desc" ? .descending : .ascending)
        case .balance?:
            builder.sort(
                .sql(
                    SQLOrderBy(
                        expression: SQLQueryString(
                            """
                            (SELECT COALESCE(SUM(i.balance_minor), 0) FROM invoices i WHERE i.customer_id = customers.id
                            AND i.currency = customers.currency AND i.status IN (\(SQLOwed.list)))
                            """), direction: direction)))
        }
        builder.sort(\.$id)
        let risk = filters.risk.flatMap(RiskLevel.init(rawValue:))
        guard ranked != nil || risk != nil else {
            let result = try await builder.page(page)
            return (result.items, result.total.count, page)
        }
        // A search keeps its best matches first unless a column was chosen; a risk level is known
        // per customer only once assessed, so both page the ids SQL found.
        var ids = try await builder.copy().all(\.$id)
        if let ranked, sort == nil {
            let found = Set(ids)
            ids = ranked.filter(found.contains)
        }
        if let risk {
            let assessed = try await RiskQuery.assessments(
                organisationID: context.organisationID, asOf: context.today, on: context.db)
            ids = ids.filter { (assessed[$0] ?? RiskQuery.noHistory).level == risk }
        }
        let slice = Array(ids.dropFirst(page.offset).prefix(page.perPage))
        let rows = try await Customer.query(on: context.db).filter(\.$id ~~ slice).all()
        let byID = Dictionary(uniqueKeysWithValues: try rows.map { (try $0.requireID(), $0) })
        return (slice.compactMap { byID[$0] }, ids.count, page)
    }
}
