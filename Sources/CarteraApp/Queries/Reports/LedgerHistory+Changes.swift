import CarteraCore
import Foundation
import SQLKit

extension LedgerHistory {
    /// `SELECT` of every change to open amounts up to `day`, or ever when nil (customer_id, currency,
    /// due_date, since, amount, sales: the invoice's total on its issue date, credit sales): an invoice adds its total from its issue date, each allocation takes its amount away
    /// from its day (or the invoice's issue date, if later: an invoice counts only once issued). On
    /// any day `d ≤ day`, an invoice's changes with `since <= d` add up to what `openPositions` holds
    /// open for it on `d`.
    ///
    /// Allocations are positive and never exceed their invoice's total (a reversal deletes them), so
    /// no invoice is ever open below zero: sums of changes equal sums over `openPositions` with
    /// `open_minor > 0`, and a group whose changes sum to zero holds nothing open. Two plain scans
    /// (invoices; allocations joined to their invoice), no per-invoice grouping, so one statement can
    /// ask about several days at once.
    static func changes(organisationID: UUID, through day: LocalDate?) -> SQLQueryString {
        let issued: SQLQueryString = day.map { " AND i.issue_date <= \(bind: $0.iso)" } ?? ""
        let applied: SQLQueryString = day.map { " AND a.applied_on <= \(bind: $0.iso)" } ?? ""
        return """
            SELECT i.customer_id, i.currency, i.due_date, i.issue_date AS since, i.total_minor AS amount, i.total_minor AS sales
            FROM invoices i
            WHERE i.organisation_id = \(bind: organisationID) AND i.status NOT IN ('draft', 'void')\(issued)
            UNION ALL
            SELECT i.customer_id, i.currency, i.due_date,
                   CASE WHEN a.applied_on > i.issue_date THEN a.applied_on ELSE i.issue_date END AS since,
                   -a.amount_minor AS amount, 0 AS sales
            FROM allocations a JOIN invoices i ON i.id = a.invoice_id
            WHERE a.organisation_id = \(bind: organisationID)\(applied)
              AND i.status NOT IN ('draft', 'void')\(issued)
            """
    }

    /// `changes` through `day` summed per (currency, due_date, since), with the part that is credit
    /// sales: read from `ledger_changes`, which triggers keep equal to the ledger's changes
    /// (`LedgerChanges`), so a million invoices are one row per due date and day and asking about
    /// twelve month closes joins the closes to those rows, not to every invoice twelve times.
    static func openChanges(organisationID: UUID, through day: LocalDate, dialect: Dialect) -> SQLQueryString {
        LedgerChanges.summed(organisationID: organisationID, through: day, dialect: dialect)
    }
}
