import CarteraCore
import Fluent
import Foundation
import SQLKit

/// Each customer's payment behaviour as of any day, read in a few set-based passes and assessed by
/// `RiskProfile`: paid history, broken promises, what is open and overdue as of that day, open
/// disputes. For today the pages read the stored summaries (`CustomerSummaries`) instead; dunning,
/// which may work as of another day, reads this.
enum RiskQuery {
    struct CountRow: Decodable {
        let customer_id: UUID
        let n: Int64
    }

    struct OpenRow: Decodable {
        let customer_id: UUID
        let due_date: String
        let currency: String
        let balance_minor: Int64
    }

    /// Every customer's assessment, or only those of `customerIDs` (a page's worth: they are bound
    /// as parameters).
    static func assessments(organisationID: UUID, customerIDs: [UUID]? = nil, asOf: LocalDate, on db: any Database)
        async throws -> [UUID: RiskAssessment]
    {
        let sql = try db.sql
        if let customerIDs, customerIDs.isEmpty { return [:] }
        var scope: SQLQueryString = "i.organisation_id = \(bind: organisationID)"
        if let customerIDs { scope += " AND i.customer_id IN (\(binds: customerIDs))" }
        let open = try await sql.raw(
            """
            SELECT i.customer_id, i.due_date, i.currency, i.balance_minor
            FROM \(customerIDs == nil ? "invoices i" : try db.dialect.invoicesByCustomer("i"))
            WHERE \(scope) AND i.status IN (\(SQLOwed.list))
            """
        ).all(decoding: OpenRow.self)
        let disputes = try await counts(
            sql.raw(
                """
                SELECT i.customer_id, CAST(COUNT(*) AS BIGINT) AS n FROM disputes d JOIN invoices i ON i.id = d.invoice_id
                WHERE \(scope) AND d.status = 'open' GROUP BY i.customer_id
                """))
        var promiseScope: SQLQueryString = "organisation_id = \(bind: organisationID) AND status = 'broken'"
        if let customerIDs { promiseScope += " AND customer_id IN (\(binds: customerIDs))" }
        let broken = try await counts(
            sql.raw(
                """
                SELECT customer_id, CAST(COUNT(*) AS BIGINT) AS n FROM payment_promises WHERE \(promiseScope) GROUP BY customer_id
                """))
        let history = PaymentHistory.paidByCustomer(
            try await PaymentHistory.settledInvoices(organisationID: organisationID, customerIDs: customerIDs, on: db))
        var openItems: [UUID: [RiskProfile.OpenInvoice]] = [:]
        for row in open {
            guard let due = try? LocalDate(iso: row.due_date), let currency = try? Currency(code: row.currency) else {
                continue
            }
            openItems[row.customer_id, default: []].append(
                .init(balance: Money(minorUnits: row.balance_minor, currency: currency), dueDate: due))
        }
        var result: [UUID: RiskAssessment] = [:]
        for id in Set(history.keys).union(broken.keys).union(openItems.keys).union(disputes.keys) {
            result[id] = RiskAssessment(
                profile: RiskProfile(
                    paid: history[id] ?? [], open: openItems[id] ?? [], asOf: asOf,
                    brokenPromises: broken[id] ?? 0, openDisputes: disputes[id] ?? 0))
        }
        return result
    }

    private static func counts(_ query: SQLRawBuilder) async throws -> [UUID: Int] {
        Dictionary(
            uniqueKeysWithValues: try await query.all(decoding: CountRow.self).map { ($0.customer_id, Int($0.n)) })
    }

    /// New customers have no history: the assessment of an empty one.
    static let noHistory = RiskAssessment(paid: [], brokenPromises: 0)
}
