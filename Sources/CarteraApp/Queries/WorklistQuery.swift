import CarteraCore
import Fluent
import Foundation
import SQLKit

/// Today's accounts for a collector, in the order `WorklistScore` and `WorklistEntry` give:
/// anything needing action today first, then by money-days overdue × risk × broken promises (ties by
/// customer id). Invoices paused by a dispute, promise or plan do not count toward the score. The
/// figures are computed per customer by `SummaryComputation` and stored.
struct WorklistQuery {
    enum Scope: Equatable {
        case everyone
        /// The collector's own accounts and the unassigned ones.
        case collector(UUID)
        case unassigned
    }

    struct Item: Sendable {
        let customer: Customer
        let score: Int64
        let needsActionToday: Bool
        let risk: RiskAssessment
        /// Overdue and not paused, per currency.
        let overdue: [Money]
        let maximumDaysOverdue: Int
        /// Open calls (and call-backs) due today or earlier; letters to post are counted apart.
        let callTasksDue: Int
        let letterTasksDue: Int
        let recentBrokenPromises: Int
        let newDisputes: Int
        let promisesDueToday: Int
    }

    let context: ServiceContext
    static let newDisputeDays = 7
    static let recentBrokenPromiseDays = 30

    /// What narrows the list beside the scope: a tag, the customer's currency, only accounts with a call due.
    struct Narrowing: Sendable {
        var tag: String?
        var currency: String?
        var callsOnly = false
    }

    /// The accounts of `scope` in priority order, a page at a time (`offset`, `limit`): ranked,
    /// filtered and paged in SQL over the stored summaries (`CustomerSummaries`), which are brought
    /// up to date first.
    func items(scope: Scope, narrowing: Narrowing = Narrowing(), limit: Int = 200, offset: Int = 0) async throws
        -> [Item]
    {
        try await CustomerSummaries.current(in: context)
        let sql = try context.db.sql
        var filter: SQLQueryString =
            "s.organisation_id = \(bind: context.organisationID) AND (s.score > 0 OR s.needs_action = 1)"
        switch scope {
        case .everyone: break
        case .collector(let userID):
            filter += " AND (c.assigned_user_id = \(bind: userID) OR c.assigned_user_id IS NULL)"
        case .unassigned: filter += " AND c.assigned_user_id IS NULL"
        }
        if let tag = narrowing.tag?.trimmingCharacters(in: .whitespaces).lowercased(), !tag.isEmpty {
            filter += " AND " + (try context.db.dialect.hasTag(tag, column: "c.tags"))
        }
        if let currency = narrowing.currency, !currency.isEmpty {
            filter += " AND c.currency = \(bind: currency.uppercased())"
        }
        if narrowing.callsOnly { filter += " AND s.call_tasks_due > 0" }
        let rows = try await sql.raw(
            """
            SELECT s.customer_id FROM customer_summaries s JOIN customers c ON c.id = s.customer_id
            WHERE \(filter)
            ORDER BY s.needs_action DESC, s.score DESC, s.customer_id
            LIMIT \(unsafeRaw: String(max(0, min(limit, Self.maximumPage)))) OFFSET \(unsafeRaw: String(max(0, offset)))
            """
        ).all(decoding: CustomerSummaries.Ranked.self)
        let ids = rows.map(\.customer_id)
        let stored = try await CustomerSummaries.stored(
            organisationID: context.organisationID, customerIDs: ids, on: context.db)
        let customers = Dictionary(
            uniqueKeysWithValues: try await Customer.query(on: context.db).filter(\.$id ~~ ids).all().map {
                (try $0.requireID(), $0)
            })
        return try ids.compactMap { id in
            guard let customer = customers[id], let summary = stored[id] else { return nil }
            return Item(
                customer: customer, score: summary.score, needsActionToday: summary.needsActionToday,
                risk: summary.riskAssessment, overdue: try summary.unpausedOverdue(),
                maximumDaysOverdue: summary.maximumDaysOverdue, callTasksDue: summary.callTasksDue,
                letterTasksDue: summary.letterTasksDue, recentBrokenPromises: summary.recentBrokenPromises,
                newDisputes: summary.newDisputes, promisesDueToday: summary.promisesDueToday)
        }
    }

    /// No page is longer: a worklist is read a screen at a time.
    static let maximumPage = 500
}
