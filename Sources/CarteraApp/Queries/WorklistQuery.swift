import CarteraCore
import Fluent
import Foundation
import SQLKit

/// Today's accounts for a collector, in the order `WorklistScore` and `WorklistEntry` give:
/// anything needing action today first, then by money-days overdue × risk × broken promises.
/// Invoices paused by a dispute, promise or plan do not count toward the score.
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

    func items(scope: Scope, limit: Int = 200) async throws -> [Item] {
        let db = context.db
        let today = context.today
        let organisationID = context.organisationID
        var customersQuery = Customer.query(on: db).filter(\.$organisationID == organisationID)
        switch scope {
        case .everyone: break
        case .collector(let userID):
            customersQuery = customersQuery.group(.or) {
                $0.filter(\.$assignedUserID == userID).filter(\.$assignedUserID == nil)
            }
        case .unassigned: customersQuery = customersQuery.filter(\.$assignedUserID == nil)
        }
        let customers = Dictionary(
            uniqueKeysWithValues: try await customersQuery.all().map { (try $0.requireID(), $0) })
        let held = try await DunningQuery.heldInvoices(organisationID: organisationID, on: today, on: db)
        let overdueInvoices = try await Invoice.query(on: db).filter(\.$organisationID == organisationID)
            .owed().filter(\.$dueDate < today.iso).all()
        let rates = try CreditService.referenceRates(
            context.organisation, base: try Currency(code: context.organisation.defaultCurrency))

        var overdueByCustomer: [UUID: [Invoice]] = [:]
        for invoice in overdueInvoices
        where !held.contains(try invoice.requireID()) && customers[invoice.$customer.id] != nil {
            overdueByCustomer[invoice.$customer.id, default: []].append(invoice)
        }
        let tasks = try await counts(
            "SELECT customer_id, CAST(COUNT(*) AS BIGINT) AS n FROM collection_tasks WHERE organisation_id = \(bind: organisationID) AND status = 'open' AND due_on <= \(bind: today.iso) GROUP BY customer_id"
        )
        let letters = try await counts(
            "SELECT customer_id, CAST(COUNT(*) AS BIGINT) AS n FROM collection_tasks WHERE organisation_id = \(bind: organisationID) AND status = 'open' AND kind = \(bind: CollectionTaskKind.letter.rawValue) AND due_on <= \(bind: today.iso) GROUP BY customer_id"
        )
        let broken = try await counts(
            "SELECT customer_id, CAST(COUNT(*) AS BIGINT) AS n FROM payment_promises WHERE organisation_id = \(bind: organisationID) AND status = 'broken' AND promised_on >= \(bind: today.addingClamped(days: -Self.recentBrokenPromiseDays).iso) GROUP BY customer_id"
        )
        let promisedToday = try await counts(
            "SELECT customer_id, CAST(COUNT(*) AS BIGINT) AS n FROM payment_promises WHERE organisation_id = \(bind: organisationID) AND status = 'active' AND promised_on = \(bind: today.iso) GROUP BY customer_id"
        )
        let disputes = try await counts(
            """
            SELECT i.customer_id, CAST(COUNT(*) AS BIGINT) AS n FROM disputes d JOIN invoices i ON i.id = d.invoice_id
            WHERE d.organisation_id = \(bind: organisationID) AND d.status = 'open' AND d.opened_on >= \(bind: today.addingClamped(days: -Self.newDisputeDays).iso)
            GROUP BY i.customer_id
            """)
        let risks = try await RiskQuery.assessments(organisationID: organisationID, asOf: today, on: db)

        var items: [UUID: Item] = [:]
        let candidates = Set(overdueByCustomer.keys).union(tasks.keys).union(broken.keys).union(promisedToday.keys)
            .union(disputes.keys)
        for id in candidates {
            guard let customer = customers[id] else { continue }
            let invoices = overdueByCustomer[id] ?? []
            let risk = risks[id] ?? RiskQuery.noHistory
            var scored: [WorklistScore.OverdueAmount] = []
            var totals: [String: Int64] = [:]
            var maximumDays = 0
            for invoice in invoices {
                let days = daysPastDue(dueDate: try invoice.due, asOf: today)
                maximumDays = max(maximumDays, days)
                totals[invoice.currency, default: 0] = totals[invoice.currency, default: 0].saturatingAdding(
                    invoice.balanceMinor)
                if let converted = rates.convert(try invoice.balance) {
                    scored.append(
                        .init(
                            majorUnits: converted.minorUnits / converted.currency.minorUnitsPerMajor, daysOverdue: days)
                    )
                }
            }
            let score = WorklistScore.score(overdue: scored, risk: risk.level, brokenPromises: broken[id] ?? 0)
            let needsAction =
                (tasks[id] ?? 0) > 0 || (broken[id] ?? 0) > 0 || (disputes[id] ?? 0) > 0 || (promisedToday[id] ?? 0) > 0
            guard score > 0 || needsAction else { continue }
            items[id] = Item(
                customer: customer, score: score, needsActionToday: needsAction, risk: risk,
                overdue: try totals.keys.sorted().map {
                    Money(minorUnits: totals[$0]!, currency: try Currency(code: $0))
                },
                maximumDaysOverdue: maximumDays, callTasksDue: (tasks[id] ?? 0) - (letters[id] ?? 0),
                letterTasksDue: letters[id] ?? 0, recentBrokenPromises: broken[id] ?? 0,
                newDisputes: disputes[id] ?? 0, promisesDueToday: promisedToday[id] ?? 0)
        }
        let order = WorklistEntry.prioritised(
            items.map { id, item in
                WorklistEntry(customerID: id, score: item.score, needsActionToday: item.needsActionToday)
            })
        return order.prefix(limit).compactMap { items[$0.customerID] }
    }

    private func counts(_ query: SQLQueryString) async throws -> [UUID: Int] {
        let rows = try await context.db.sql.raw(query).all(decoding: RiskQuery.CountRow.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.customer_id, Int($0.n)) })
    }
}
