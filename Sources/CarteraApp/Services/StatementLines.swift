import CarteraCore
import Fluent
import Foundation
import SQLKit

/// One owed invoice on a statement: only the columns the statement shows.
struct StatementItem: Equatable {
    let id: UUID
    let number: String
    let issueDate: String
    let dueDate: String
    let total: Money
    let balance: Money

    var due: LocalDate { get throws { try LocalDate(iso: dueDate) } }
}

/// The statement's two reads, each one indexed statement: the owed invoices with the holds in force
/// on them (`idx_invoices_customer`, `idx_dunning_holds_invoice`), and the unapplied credit and
/// outstanding late fees per currency (`idx_payments_customer`, `idx_credit_notes_customer`,
/// `idx_late_fees_customer`). Stored balances, not a ledger rebuild: a statement is what is owed now.
enum StatementLines {
    /// Owed invoices by due date then number, and the holds in force `today`, by invoice.
    static func openItems(customerID: UUID, today: LocalDate, on db: any Database) async throws
        -> (items: [StatementItem], holds: [UUID: [HoldNote]])
    {
        struct Row: Decodable {
            let id: UUID
            let number: String
            let issue_date: String
            let due_date: String
            let currency: String
            let total_minor: Int64
            let balance_minor: Int64
            let reason: DunningHoldReason?
            let ends_on: String?
        }
        let rows = try await db.sql.raw(
            """
            SELECT i.id, i.number, i.issue_date, i.due_date, i.currency, i.total_minor, i.balance_minor,
                   h.reason, h.ends_on
            FROM invoices i
            LEFT JOIN dunning_holds h ON h.invoice_id = i.id AND \(SQLHold.inForce("h", on: today))
            WHERE i.customer_id = \(bind: customerID) AND i.status IN (\(SQLOwed.list))
            ORDER BY i.due_date, i.number, i.id
            """
        ).all(decoding: Row.self)
        var items: [StatementItem] = []
        var holds: [UUID: [HoldNote]] = [:]
        for row in rows {
            // A held invoice comes once per hold in force: list it once.
            if items.last?.id != row.id {
                let currency = try Currency(code: row.currency)
                items.append(
                    .init(
                        id: row.id, number: row.number, issueDate: row.issue_date, dueDate: row.due_date,
                        total: Money(minorUnits: row.total_minor, currency: currency),
                        balance: Money(minorUnits: row.balance_minor, currency: currency)))
            }
            if let reason = row.reason {
                holds[row.id, default: []].append(
                    HoldNote(reason: reason, until: row.ends_on.flatMap { try? LocalDate(iso: $0) }))
            }
        }
        return (items, holds)
    }

    /// Currency code -> (unapplied credit, outstanding late fees) in minor units, summed in SQL, for
    /// the currencies with credit or a charged fee. A reversed payment leaves no credit; a waived fee
    /// is not owed.
    static func creditAndFees(customerID: UUID, organisationID: UUID, on db: any Database) async throws
        -> [String: (credit: Int64, fees: Int64)]
    {
        struct Row: Decodable {
            let currency: String
            let credit: Int64
            let fees: Int64
            let fee_count: Int64
        }
        let dialect = try db.dialect
        let rows = try await db.sql.raw(
            """
            SELECT currency, \(dialect.moneySum("credit")) AS credit, \(dialect.moneySum("fees")) AS fees,
                   SUM(is_fee) AS fee_count FROM (
                SELECT currency, amount_minor - allocated_minor AS credit, 0 AS fees, 0 AS is_fee FROM payments
                WHERE customer_id = \(bind: customerID) AND reversed_on IS NULL AND amount_minor <> allocated_minor
                UNION ALL
                SELECT currency, amount_minor - allocated_minor, 0, 0 FROM credit_notes
                WHERE customer_id = \(bind: customerID) AND amount_minor <> allocated_minor
                UNION ALL
                SELECT currency, 0, amount_minor, 1 FROM late_fees
                WHERE customer_id = \(bind: customerID) AND organisation_id = \(bind: organisationID)
                    AND status = \(literal: LateFeeStatus.charged.rawValue)
            ) AS owed GROUP BY currency
            """
        ).all(decoding: Row.self)
        return Dictionary(
            rows.filter { $0.credit != 0 || $0.fee_count > 0 }.map {
                ($0.currency, (credit: $0.credit, fees: $0.fees))
            },
            uniquingKeysWith: { first, _ in first })
    }
}
