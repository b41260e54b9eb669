import CarteraCore
import Fluent
import FluentSQL
import Foundation
import SQLKit

/// The customer list: the search box's matches (`SearchQuery`, the same search as the top bar),
/// narrowed by collector, tag, currency, risk and "needs a call", sorted and paged, all in SQL; risk,
/// balances and overdue come from the stored summaries (`CustomerSummaries`).
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
        case name, taxID = "tax_id", balance, currency, overdue, risk
    }

    let context: ServiceContext
    static let perPage = 50

    /// A column of the customer's stored summary (`CustomerSummaries`), or `fallback` for a customer
    /// with nothing to summarise (no history, nothing owed: the level `RiskQuery.noHistory` has).
    static func summaryColumn(_ column: String, or fallback: String) -> SQLQueryString {
        "COALESCE((SELECT s.\(unsafeRaw: column) FROM customer_summaries s WHERE s.customer_id = customers.id), \(unsafeRaw: fallback))"
    }

    func read(_ filters: Filters) async throws -> (customers: [Customer], total: Int, page: PageRequest) {
        let page = try PageRequest(page: filters.page, perPage: Self.perPage)
        try await CustomerSummaries.current(in: context)
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
        if let risk = filters.risk.flatMap(RiskLevel.init(rawValue:)) {
            let level = Self.summaryColumn("risk_level", or: "'\(RiskQuery.noHistory.level.rawValue)'")
            builder.filter(.sql(embed: "\(level) = \(bind: risk.rawValue)"))
        }
        let sort = filters.sort.flatMap(Sort.init(rawValue:))
        if ranked == nil, let segments = Self.segments(sort) {
            let result = try await self.page(
                of: builder, segments: segments, descending: filters.dir == "desc", page: page)
            return (result.customers, result.total.count, page)
        }
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
                            COALESCE((SELECT b.owed_minor FROM customer_summary_balances b
                              WHERE b.customer_id = customers.id AND b.currency = customers.currency), 0)
                            """), direction: direction)))
        case .overdue?:
            builder.sort(
                .sql(SQLOrderBy(expression: Self.summaryColumn("overdue_base_minor", or: "0"), direction: direction)))
        case .risk?:
            let level = Self.summaryColumn("risk_level", or: "'\(RiskQuery.noHistory.level.rawValue)'")
            builder.sort(
                .sql(
                    SQLOrderBy(
                        expression: SQLQueryString(
                            "CASE \(level) WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END"),
                        direction: direction)))
            builder.sort(.sql(SQLOrderBy(expression: Self.summaryColumn("score", or: "0"), direction: direction)))
        }
        builder.sort(\.$id)
        guard ranked != nil else {
            let result = try await builder.page(page)
            return (result.items, result.total.count, page)
        }
        // A search keeps its best matches first unless a column was chosen: the ids SQL found are paged here.
        var ids = try await builder.copy().all(\.$id)
        if let ranked, sort == nil {
            let found = Set(ids)
            ids = ranked.filter(found.contains)
        }
        let slice = Array(ids.dropFirst(page.offset).prefix(page.perPage))
        let rows = try await Customer.query(on: context.db).filter(\.$id ~~ slice).all()
        let byID = Dictionary(uniqueKeysWithValues: try rows.map { (try $0.requireID(), $0) })
        return (slice.compactMap { byID[$0] }, ids.count, page)
    }
}
