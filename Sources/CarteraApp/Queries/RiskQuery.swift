import CarteraCore
import Fluent
import Foundation
import SQLKit

/// Each customer's payment history, read in one pass, assessed by `RiskAssessment`.
enum RiskQuery {
    struct PaidRow: Decodable {
        let customer_id: UUID
        let due_date: String
        let paid_on: String
    }

    struct CountRow: Decodable {
        let customer_id: UUID
        let n: Int64
    }

    static func assessments(organisationID: UUID, customerID: UUID? = nil, on db: any Database) async throws -> [UUID: RiskAssessment] {
        let sql = db as! any SQLDatabase
        var scope: SQLQueryString = "i.organisation_id = \(bind: organisationID)"
        if let customerID { scope += " AND i.customer_id = \(bind: customerID)" }
        // An invoice was paid on the day its last settlement was applied.
        let paid = try await sql.raw("""
            SELECT i.customer_id, i.due_date, MAX(a.applied_on) AS paid_on
            FROM invoices i JOIN allocations a ON a.invoice_id = i.id
            WHERE \(scope) AND i.status = 'paid'
            GROUP BY i.id, i.customer_id, i.due_date
            """).all(decoding: PaidRow.self)
        var promiseScope: SQLQueryString = "organisation_id = \(bind: organisationID) AND status = 'broken'"
        if let customerID { promiseScope += " AND customer_id = \(bind: customerID)" }
        let broken = try await sql.raw("""
            SELECT customer_id, CAST(COUNT(*) AS BIGINT) AS n FROM payment_promises WHERE \(promiseScope) GROUP BY customer_id
            """).all(decoding: CountRow.self)
        let brokenByCustomer = Dictionary(uniqueKeysWithValues: broken.map { ($0.customer_id, Int($0.n)) })
        var history: [UUID: [RiskAssessment.PaidInvoice]] = [:]
        for row in paid {
            guard let due = try? LocalDate(iso: row.due_date), let paidOn = try? LocalDate(iso: row.paid_on) else { continue }
            history[row.customer_id, default: []].append(.init(dueDate: due, paidOn: paidOn))
        }
        var result: [UUID: RiskAssessment] = [:]
        for id in Set(history.keys).union(brokenByCustomer.keys) {
            result[id] = RiskAssessment(paid: history[id] ?? [], brokenPromises: brokenByCustomer[id] ?? 0)
        }
        return result
    }

    /// New customers have no history: the assessment of an empty one.
    static let noHistory = RiskAssessment(paid: [], brokenPromises: 0)
}
