import CarteraCore
import Fluent
import Foundation
import SQLKit

/// The collectors' side of the report, read from promises, disputes and reminder deliveries.
extension CollectionReport {
    /// Promises whose date fell in the period and that have been settled as kept or broken (the
    /// daily pass settles a promise the day after its date; active and cancelled ones count in neither).
    static func promiseOutcomes(from: LocalDate, to: LocalDate, in context: ServiceContext) async throws -> (
        kept: Int, broken: Int
    ) {
        struct Row: Decodable {
            let status: String
            let promises: Int64
        }
        let rows = try await context.db.sql.raw(
            """
            SELECT status, CAST(COUNT(*) AS BIGINT) AS promises FROM payment_promises
            WHERE organisation_id = \(bind: context.organisationID)
              AND status IN (\(bind: PromiseStatus.kept.rawValue), \(bind: PromiseStatus.broken.rawValue))
              AND promised_on >= \(bind: from.iso) AND promised_on <= \(bind: to.iso)
            GROUP BY status
            """
        ).all(decoding: Row.self)
        func count(_ status: PromiseStatus) -> Int {
            rows.first { $0.status == status.rawValue }.map { Int($0.promises) } ?? 0
        }
        return (count(.kept), count(.broken))
    }

    /// Disputes open at the end of `asOf`: opened by then and not resolved by then. Counted per
    /// opening day, so the rows are at most the days disputes were opened on, never the disputes.
    static func openDisputes(asOf: LocalDate, in context: ServiceContext) async throws -> CollectionActivity.DisputeAge
    {
        struct Row: Decodable {
            let opened_on: String
            let disputes: Int64
        }
        let rows = try await context.db.sql.raw(
            """
            SELECT opened_on, CAST(COUNT(*) AS BIGINT) AS disputes FROM disputes
            WHERE organisation_id = \(bind: context.organisationID) AND opened_on <= \(bind: asOf.iso)
              AND (resolved_on IS NULL OR resolved_on > \(bind: asOf.iso))
            GROUP BY opened_on
            """
        ).all(decoding: Row.self)
        let openedOn = rows.flatMap { row in
            (try? LocalDate(iso: row.opened_on)).map { Array(repeating: $0, count: Int(row.disputes)) } ?? []
        }
        return CollectionActivity.disputeAge(openedOn: openedOn, asOf: asOf)
    }

    /// Reminders sent in the period, each with its invoice's settlement day (the last allocation's
    /// date, when the invoice is paid), scored by `CollectionActivity.reminderEffectiveness`.
    /// Steps are policy keys; they are numbered in the order they come relative to the due date.
    /// Reminders alike in step, day sent, due date and settlement day arrive as one counted row.
    static func reminderSteps(from: LocalDate, to: LocalDate, withinDays: Int, in context: ServiceContext) async throws
        -> [StepFigures]
    {
        struct Row: Decodable {
            let step_key: String
            let run_on: String
            let due_date: String
            let paid_on: String?
            let reminders: Int64
        }
        let rows = try await context.db.sql.raw(
            """
            SELECT r.step_key, r.run_on, r.due_date, r.paid_on, CAST(COUNT(*) AS BIGINT) AS reminders FROM (
                SELECT d.step_key, d.run_on, i.due_date,
                       CASE WHEN i.status = 'paid' THEN (SELECT MAX(a.applied_on) FROM allocations a WHERE a.invoice_id = i.id) END AS paid_on
                FROM reminder_deliveries d JOIN invoices i ON i.id = d.invoice_id
                WHERE d.organisation_id = \(bind: context.organisationID) AND d.run_on >= \(bind: from.iso) AND d.run_on <= \(bind: to.iso)
            ) r
            GROUP BY r.step_key, r.run_on, r.due_date, r.paid_on
            """
        ).all(decoding: Row.self)
        let parsed = rows.compactMap {
            row -> (key: String, sent: LocalDate, due: LocalDate, paid: LocalDate?, count: Int)? in
            guard let sent = try? LocalDate(iso: row.run_on), let due = try? LocalDate(iso: row.due_date) else {
                return nil
            }
            return (row.step_key, sent, due, row.paid_on.flatMap { try? LocalDate(iso: $0) }, Int(row.reminders))
        }
        // Earliest offset from the due date first: "before_10" before "due_day" before "after_10".
        var offsets: [String: Int] = [:]
        for row in parsed { offsets[row.key] = min(offsets[row.key] ?? .max, row.due.days(until: row.sent)) }
        let keys = offsets.keys.sorted { (offsets[$0] ?? .max, $0) < (offsets[$1] ?? .max, $1) }
        let number = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0 + 1) })
        let reminders = parsed.flatMap { row in
            number[row.key].map { step in
                Array(
                    repeating: CollectionActivity.Reminder(step: step, sentOn: row.sent, invoicePaidOn: row.paid),
                    count: row.count)
            } ?? []
        }
        return CollectionActivity.reminderEffectiveness(reminders, withinDays: withinDays).map {
            StepFigures(key: keys[$0.step - 1], effectiveness: $0)
        }
    }
}
