import CarteraCore
import Fluent
import Foundation
import SQLKit

/// The organisation's settled invoices as the payment-date model learns from them, read in one
/// query: an invoice was settled on the day its last settlement was applied (`SQLSettled`).
enum PaymentHistory {
    private struct Row: Decodable {
        let customer_id: UUID
        let issue_date: String
        let due_date: String
        let settled_on: String
        let disputed: Int64
    }

    /// All the organisation's settled invoices, or one customer's, or those of a group of customers.
    static func settledInvoices(
        organisationID: UUID, customerID: UUID? = nil, customerIDs: [UUID]? = nil, on db: any Database
    ) async throws -> [SettledInvoice] {
        let sql = try db.sql
        var customerFilter: SQLQueryString = customerID.map { "AND i.customer_id = \(bind: $0)" } ?? ""
        if let customerIDs {
            if customerIDs.isEmpty { return [] }
            customerFilter += " AND i.customer_id IN (\(binds: customerIDs))"
        }
        let invoices: SQLQueryString =
            customerID == nil && customerIDs == nil ? "invoices i" : try db.dialect.invoicesByCustomer("i")
        let rows = try await sql.raw(
            """
            SELECT customer_id, issue_date, due_date, settled_on, disputed FROM (
              SELECT i.customer_id, i.issue_date, i.due_date,
                     \(SQLSettled.day(ofInvoice: "i")) AS settled_on,
                     CAST(CASE WHEN EXISTS (SELECT 1 FROM disputes d WHERE d.invoice_id = i.id) THEN 1 ELSE 0 END AS BIGINT) AS disputed
              FROM \(invoices)
              WHERE i.organisation_id = \(bind: organisationID) AND i.status = 'paid' \(customerFilter)
            ) settled
            WHERE settled_on IS NOT NULL
            """
        ).all(decoding: Row.self)
        return rows.compactMap { row in
            guard let issued = try? LocalDate(iso: row.issue_date), let due = try? LocalDate(iso: row.due_date),
                let settled = try? LocalDate(iso: row.settled_on)
            else { return nil }
            return SettledInvoice(
                customer: row.customer_id.canonicalText, invoiceDate: issued, dueDate: due, settledOn: settled,
                disputed: row.disputed != 0)
        }
    }

    /// The organisation's payment pattern (`PaymentDatePredictor.OrganisationPattern`) from every
    /// settled invoice, counted per delay in SQL: the same figures as from `settledInvoices`, without
    /// decoding half a million rows for a handful of numbers.
    static func organisationPattern(organisationID: UUID, on db: any Database) async throws
        -> PaymentDatePredictor.OrganisationPattern?
    {
        struct Row: Decodable {
            let delay: Int64
            let invoices: Int64
        }
        let rows = try await db.sql.raw(
            """
            SELECT delay, CAST(COUNT(*) AS BIGINT) AS invoices FROM (
              SELECT \(try db.dialect.daysBetween("i.due_date", "MAX(a.applied_on)")) AS delay
              FROM invoices i JOIN allocations a ON a.invoice_id = i.id
              WHERE i.organisation_id = \(bind: organisationID) AND i.status = 'paid'
              GROUP BY i.id, i.due_date
            ) settled
            WHERE delay IS NOT NULL
            GROUP BY delay
            """
        ).all(decoding: Row.self)
        // A delay past any calendar LocalDate knows (±10,000 years) cannot come from dates the app wrote.
        let bound: Int64 = 3_660_000
        return PaymentDatePredictor.OrganisationPattern(
            delayCounts: rows.filter { (-bound...bound).contains($0.delay) }.map { (Int($0.delay), Int($0.invoices)) })
    }

    /// Risk's view of the same history: each customer's paid invoices, due and paid days.
    static func paidByCustomer(_ settled: [SettledInvoice]) -> [UUID: [RiskProfile.PaidInvoice]] {
        var paid: [UUID: [RiskProfile.PaidInvoice]] = [:]
        for invoice in settled {
            guard let id = UUID(fastString: invoice.customer) else { continue }
            paid[id, default: []].append(.init(dueDate: invoice.dueDate, paidOn: invoice.settledOn))
        }
        return paid
    }

    static func predictor(organisationID: UUID, on db: any Database) async throws -> PaymentDatePredictor {
        PaymentDatePredictor(history: try await settledInvoices(organisationID: organisationID, on: db))
    }

    /// The model for one customer's invoices: the organisation's pattern (remembered for a large
    /// history, see `OrganisationPatterns`) and that customer's own settled invoices.
    static func predictor(customerID: UUID, organisationID: UUID, on db: any Database) async throws
        -> PaymentDatePredictor
    {
        let pattern = try await OrganisationPatterns.shared.pattern(organisationID: organisationID) {
            try await organisationPattern(organisationID: organisationID, on: db)
        }
        return PaymentDatePredictor(
            organisation: pattern,
            customerHistory: try await settledInvoices(organisationID: organisationID, customerID: customerID, on: db))
    }

    /// The organisation's invoices with an open dispute: the model predicts them from the customer's
    /// disputed history. Read whole (disputes are few) rather than by a list of invoices, which for
    /// a forecast of half a million open invoices would pass every database's limit on parameters.
    static func openlyDisputed(organisationID: UUID, on db: any Database) async throws -> Set<UUID> {
        Set(
            try await Dispute.query(on: db).filter(\.$organisationID == organisationID).filter(\.$status == .open).all()
                .map(\.$invoice.id))
    }
}
