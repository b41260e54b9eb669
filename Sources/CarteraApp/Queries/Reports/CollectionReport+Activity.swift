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
        let settled = try await PaymentPromise.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .filter(\.$status ~~ [.kept, .broken])
            .filter(\.$promisedOn >= from.iso).filter(\.$promisedOn <= to.iso).all()
        let kept = settled.filter { $0.status == .kept }.count
        return (kept, settled.count - kept)
    }

    /// Disputes open at the end of `asOf`: opened by then and not resolved by then.
    static func openDisputes(asOf: LocalDate, in context: ServiceContext) async throws -> CollectionActivity.DisputeAge
    {
        let disputes = try await Dispute.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .filter(\.$openedOn <= asOf.iso).all()
        let open = disputes.filter { dispute in dispute.resolvedOn.map { $0 > asOf.iso } ?? true }
        return CollectionActivity.disputeAge(openedOn: open.compactMap { try? LocalDate(iso: $0.openedOn) }, asOf: asOf)
    }

    /// Reminders sent in the period, each with its invoice's settlement day (the last allocation's
    /// date, when the invoice is paid), scored by `CollectionActivity.reminderEffectiveness`.
    /// Steps are policy keys; they are numbered in the order they come relative to the due date.
    static func reminderSteps(from: LocalDate, to: LocalDate, withinDays: Int, in context: ServiceContext) async throws
        -> [StepFigures]
    {
        struct Row: Decodable {
            let step_key: String
            let run_on: String
            let due_date: String
            let paid_on: String?
        }
        let rows = try await context.db.sql.raw(
            """
            SELECT d.step_key, d.run_on, i.due_date,
                   CASE WHEN i.status = 'paid' THEN (SELECT MAX(a.applied_on) FROM allocations a WHERE a.invoice_id = i.id) END AS paid_on
            FROM reminder_deliveries d JOIN invoices i ON i.id = d.invoice_id
            WHERE d.organisation_id = \(bind: context.organisationID) AND d.run_on >= \(bind: from.iso) AND d.run_on <= \(bind: to.iso)
            """
        ).all(decoding: Row.self)
        let parsed = rows.compactMap { row -> (key: String, sent: LocalDate, due: LocalDate, paid: LocalDate?)? in
            guard let sent = try? LocalDate(iso: row.run_on), let due = try? LocalDate(iso: row.due_date) else {
                return nil
            }
            return (row.step_key, sent, due, row.paid_on.flatMap { try? LocalDate(iso: $0) })
        }
        // Earliest offset from the due date first: "before_10" before "due_day" before "after_10".
        var offsets: [String: Int] = [:]
        for row in parsed { offsets[row.key] = min(offsets[row.key] ?? .max, row.due.days(until: row.sent)) }
        let keys = offsets.keys.sorted { (offsets[$0]!, $0) < (offsets[$1]!, $1) }
        let number = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0 + 1) })
        let reminders = parsed.map {
            CollectionActivity.Reminder(step: number[$0.key]!, sentOn: $0.sent, invoicePaidOn: $0.paid)
        }
        return CollectionActivity.reminderEffectiveness(reminders, withinDays: withinDays).map {
            StepFigures(key: keys[$0.step - 1], effectiveness: $0)
        }
    }
}
