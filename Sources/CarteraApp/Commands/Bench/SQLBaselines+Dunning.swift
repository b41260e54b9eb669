import CarteraCore
import Fluent
import Foundation
import SQLKit

extension SQLBaselines {
    struct DueStep: Decodable, Hashable {
        let invoiceID: UUID
        let stepKey: String
        enum CodingKeys: String, CodingKey { case invoiceID = "invoice_id", stepKey = "step_key" }
    }

    /// Which invoice gets which step today, in one statement: `DunningRules.stepDue` as SQL.
    ///
    /// Reproduces: owed invoices of contactable customers, not held (dispute, promise or plan in force
    /// today); the latest step whose planned day has come, later than every step already had ("a step
    /// already sent is not sent again", and never an earlier one after a gap); a first notice counts as
    /// the first overdue step and the later steps are planned from its day; switched-off kinds and
    /// "before due" steps after the due date give nothing; the first overdue message of an invoice with
    /// no history is the first notice when its customer was never contacted or it was due before
    /// collections started. The policy's steps go in as a VALUES list, with each step's due-date limit
    /// (today − offset) computed here, so the SQL compares ISO dates as text on both engines.
    ///
    /// Leaves out: every customer follows the organisation's default policy and kinds (customers' own
    /// policies, kinds switched off per customer and policy-choosing rules are not applied; the bench
    /// ledger has none), and the working-day check is the caller's (a holiday gives nothing at all).
    static func dunning(
        organisationID: UUID, today: LocalDate, rules: DunningRules, collectionsStart: LocalDate,
        on db: any Database
    ) async throws -> [DueStep] {
        let policy = rules.policy
        guard rules.calendar.isWorkingDay(today), !policy.steps.isEmpty else { return [] }
        // The first overdue step's offset: a first notice stands in for it. Without one, an offset no
        // step reaches keeps the first-notice branches idle.
        let standIn = policy.firstOverdueStep?.offsetDays ?? Int(Int32.max)
        let noticeKey = policy.firstNotice?.key
        var values: [SQLQueryString] = []
        for (order, step) in policy.steps.enumerated() {
            let enabled = rules.enabledKinds.contains(step.kind) ? 1 : 0
            values.append(
                """
                (\(bind: step.key), \(literal: step.offsetDays), \(bind: step.kind.rawValue), \(literal: order), \(literal: enabled),
                 \(bind: today.addingClamped(days: -step.offsetDays).iso), \(bind: today.addingClamped(days: -(step.offsetDays - standIn)).iso))
                """)
        }
        let earliest = today.addingClamped(days: -(policy.steps.map(\.offsetDays).min() ?? 0))
        let firstNotice: SQLQueryString =
            noticeKey.map {
                """
                CASE WHEN s.kind = 'overdue' AND f.past_id IS NULL
                      AND (f.due_date < \(bind: collectionsStart.iso) OR NOT EXISTS (
                        SELECT 1 FROM invoices i2 JOIN reminder_deliveries d2 ON d2.invoice_id = i2.id WHERE i2.customer_id = f.customer_id))
                     THEN \(bind: $0) ELSE s.step_key END
                """
            } ?? "s.step_key"
        let statement: SQLQueryString = """
            WITH steps (step_key, offset_days, kind, ord, enabled, due_limit, notice_limit) AS (VALUES \(values.joined(separator: ", "))),
            owed AS (
              SELECT i.id, i.customer_id, i.due_date FROM invoices i
              WHERE i.organisation_id = \(bind: organisationID) AND i.status IN (\(SQLOwed.list)) AND i.due_date <= \(bind: earliest.iso)
                AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = i.customer_id AND c.do_not_contact = \(bind: true))
                AND NOT EXISTS (
                  SELECT 1 FROM dunning_holds h WHERE h.invoice_id = i.id AND h.released_at IS NULL
                    AND h.starts_on <= \(bind: today.iso) AND (h.ends_on IS NULL OR h.ends_on >= \(bind: today.iso)))
            ),
            past AS (
              SELECT d.invoice_id, MIN(d.run_on) AS first_on, MAX(s.offset_days) AS last_offset,
                     MAX(CASE WHEN d.step_key = \(bind: noticeKey ?? "") THEN 1 ELSE 0 END) AS had_notice
              FROM owed o JOIN reminder_deliveries d ON d.invoice_id = o.id LEFT JOIN steps s ON s.step_key = d.step_key
              GROUP BY d.invoice_id
            ),
            facts AS (
              SELECT o.id, o.customer_id, o.due_date, p.invoice_id AS past_id, p.first_on, COALESCE(p.had_notice, 0) AS had_notice,
                     CASE WHEN p.had_notice = 1 AND (p.last_offset IS NULL OR p.last_offset < \(literal: standIn))
                          THEN \(literal: standIn) ELSE p.last_offset END AS last_offset
              FROM owed o LEFT JOIN past p ON p.invoice_id = o.id
            ),
            pick AS (
              SELECT f.id, MAX(s.ord) AS ord FROM facts f JOIN steps s
                ON (f.last_offset IS NULL OR s.offset_days > f.last_offset)
               AND CASE WHEN f.had_notice = 1 AND f.first_on IS NOT NULL AND s.offset_days > \(literal: standIn)
                        THEN f.first_on <= s.notice_limit ELSE f.due_date <= s.due_limit END
              GROUP BY f.id
            )
            SELECT f.id AS invoice_id, \(firstNotice) AS step_key
            FROM pick JOIN facts f ON f.id = pick.id JOIN steps s ON s.ord = pick.ord
            WHERE s.enabled = 1 AND NOT (s.kind = 'before_due' AND f.due_date < \(bind: today.iso))
            """
        return try await db.sql.raw(statement).all(decoding: DueStep.self)
    }
}
