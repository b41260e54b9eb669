import CarteraCore
import Foundation
import SQLKit

extension LedgerHistory {
    /// `SELECT` of every change to open amounts up to `day` (customer_id, currency, due_date, since,
    /// amount): an invoice adds its total from its issue date, each allocation takes its amount away
    /// from its day (or the invoice's issue date, if later: an invoice counts only once issued). On
    /// any day `d ≤ day`, an invoice's changes with `since <= d` add up to what `openPositions` holds
    /// open for it on `d`.
    ///
    /// Allocations are positive and never exceed their invoice's total (a reversal deletes them), so
    /// no invoice is ever open below zero: sums of changes equal sums over `openPositions` with
    /// `open_minor > 0`, and a group whose changes sum to zero holds nothing open. Two plain scans
    /// (invoices; allocations joined to their invoice), no per-invoice grouping, so one statement can
    /// ask about several days at once.
    static func changes(organisationID: UUID, through day: LocalDate) -> SQLQueryString {
        """
        SELECT customer_id, currency, due_date, issue_date AS since, total_minor AS amount FROM invoices
        WHERE organisation_id = \(bind: organisationID) AND status NOT IN ('draft', 'void')
          AND issue_date <= \(bind: day.iso)
        UNION ALL
        SELECT i.customer_id, i.currency, i.due_date,
               CASE WHEN a.applied_on > i.issue_date THEN a.applied_on ELSE i.issue_date END AS since,
               -a.amount_minor AS amount
        FROM allocations a JOIN invoices i ON i.id = a.invoice_id
        WHERE a.organisation_id = \(bind: organisationID) AND a.applied_on <= \(bind: day.iso)
          AND i.status NOT IN ('draft', 'void') AND i.issue_date <= \(bind: day.iso)
        """
    }

    /// `changes` summed per (currency, due_date, since): a million invoices become one row per due
    /// date and day, so asking about twelve month closes joins the closes to those rows, not to
    /// every invoice twelve times.
    static func openChanges(organisationID: UUID, through day: LocalDate, dialect: Dialect) -> SQLQueryString {
        """
        SELECT c.currency, c.due_date, c.since, \(dialect.moneySum("c.amount")) AS amount
        FROM (\(changes(organisationID: organisationID, through: day))) c
        GROUP BY c.currency, c.due_date, c.since
        """
    }
}
