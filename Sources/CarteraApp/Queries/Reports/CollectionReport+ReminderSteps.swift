import CarteraCore
import Fluent
import Foundation
import SQLKit

/// Which reminder step gets invoices paid: the reminders sent in the period, and of them those whose
/// invoice was paid (its last allocation's day) within `withinDays` days, scored by
/// `CollectionActivity.reminderEffectiveness`.
///
/// Read from two sides so that neither touches every reminder's invoice: the reminders per step and
/// day come from the deliveries' index alone; the paid ones start from the allocations of the period
/// (an invoice paid within the window has its last allocation in it), which are far fewer than the
/// reminders (a million-invoice ledger sends hundreds of thousands of reminders a month).
extension CollectionReport {
    static func reminderSteps(from: LocalDate, to: LocalDate, withinDays: Int, in context: ServiceContext) async throws
        -> [StepFigures]
    {
        let sent = try await remindersSent(from: from, to: to, in: context)
        guard !sent.isEmpty else { return [] }
        let windowEnd = (try? to.adding(days: withinDays)) ?? to
        let paid = try await remindersPaid(from: from, to: to, paidBy: windowEnd, in: context)
        let offsets = try await stepOffsets(keys: Set(sent.map(\.key)), from: from, to: to, in: context)
        // Earliest offset from the due date first: "before_10" before "due_day" before "after_10".
        let keys = offsets.keys.sorted { (offsets[$0] ?? .max, $0) < (offsets[$1] ?? .max, $1) }
        let number = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0 + 1) })
        let paidBySending = Dictionary(grouping: paid) { SentDay(key: $0.key, sentOn: $0.sentOn) }
        let reminders = sent.flatMap { day -> [CollectionActivity.Reminder] in
            guard let step = number[day.key] else { return [] }
            let paidRows = paidBySending[SentDay(key: day.key, sentOn: day.sentOn)] ?? []
            let unpaid = max(0, day.count - paidRows.reduce(0) { $0 + $1.count })
            return [.init(step: step, sentOn: day.sentOn, invoicePaidOn: nil, count: unpaid)]
                + paidRows.map { .init(step: step, sentOn: day.sentOn, invoicePaidOn: $0.paidOn, count: $0.count) }
        }
        return CollectionActivity.reminderEffectiveness(reminders, withinDays: withinDays).map {
            StepFigures(key: keys[$0.step - 1], effectiveness: $0)
        }
    }

    private struct SentDay: Hashable {
        let key: String
        let sentOn: LocalDate
    }

    /// Reminders sent per step and day in the period.
    private static func remindersSent(from: LocalDate, to: LocalDate, in context: ServiceContext) async throws
        -> [(key: String, sentOn: LocalDate, count: Int)]
    {
        struct Row: Decodable {
            let step_key: String
            let run_on: String
            let reminders: Int64
        }
        return try await context.db.sql.raw(
            """
            SELECT step_key, run_on, CAST(COUNT(*) AS BIGINT) AS reminders FROM reminder_deliveries
            WHERE organisation_id = \(bind: context.organisationID)
              AND run_on >= \(bind: from.iso) AND run_on <= \(bind: to.iso)
            GROUP BY step_key, run_on
            """
        ).all(decoding: Row.self).compactMap { row in
            (try? LocalDate(iso: row.run_on)).map { (row.step_key, $0, Int(row.reminders)) }
        }
    }

    /// Reminders sent in the period whose invoice is paid, its last allocation on the day the reminder
    /// went out or later and no later than `paidBy`: counted per step, day sent and day paid.
    private static func remindersPaid(from: LocalDate, to: LocalDate, paidBy: LocalDate, in context: ServiceContext)
        async throws -> [(key: String, sentOn: LocalDate, paidOn: LocalDate, count: Int)]
    {
        struct Row: Decodable {
            let step_key: String
            let run_on: String
            let paid_on: String
            let reminders: Int64
        }
        let organisationID = context.organisationID
        return try await context.db.sql.raw(
            """
            SELECT d.step_key, d.run_on, p.paid_on, CAST(COUNT(*) AS BIGINT) AS reminders
            FROM (
              SELECT i.id, \(SQLSettled.day(ofInvoice: "i")) AS paid_on
              FROM invoices i
              WHERE i.status = \(bind: InvoiceStatus.paid.rawValue) AND i.id IN (
                SELECT w.invoice_id FROM allocations w WHERE w.organisation_id = \(bind: organisationID)
                  AND w.applied_on >= \(bind: from.iso) AND w.applied_on <= \(bind: paidBy.iso))
            ) p
            JOIN reminder_deliveries d ON d.invoice_id = p.id
            WHERE d.organisation_id = \(bind: organisationID) AND d.run_on >= \(bind: from.iso)
              AND d.run_on <= \(bind: to.iso) AND p.paid_on >= d.run_on AND p.paid_on <= \(bind: paidBy.iso)
            GROUP BY d.step_key, d.run_on, p.paid_on
            """
        ).all(decoding: Row.self).compactMap { row in
            guard let sent = try? LocalDate(iso: row.run_on), let paid = try? LocalDate(iso: row.paid_on) else {
                return nil
            }
            return (row.step_key, sent, paid, Int(row.reminders))
        }
    }

    /// Each step's days from the due date, the earliest where several policies name it: from the
    /// organisation's policies (a first notice stands in for the first overdue step), and for a step
    /// no policy names any more (renamed or removed), from the reminders it sent in the period.
    private static func stepOffsets(keys: Set<String>, from: LocalDate, to: LocalDate, in context: ServiceContext)
        async throws -> [String: Int]
    {
        var offsets: [String: Int] = [:]
        let policies = try await PolicyService.list(in: context).map(\.policy)
        let steps = policies.flatMap(\.steps) + policies.compactMap(\.firstNotice)
        for step in steps where keys.contains(step.key) {
            offsets[step.key] = min(offsets[step.key] ?? .max, step.offsetDays)
        }
        let retired = keys.subtracting(offsets.keys).sorted()
        guard !retired.isEmpty else { return offsets }
        struct Row: Decodable {
            let step_key: String
            let run_on: String
            let due_date: String
        }
        let rows = try await context.db.sql.raw(
            """
            SELECT d.step_key, d.run_on, i.due_date FROM reminder_deliveries d JOIN invoices i ON i.id = d.invoice_id
            WHERE d.organisation_id = \(bind: context.organisationID) AND d.step_key IN (\(binds: retired))
              AND d.run_on >= \(bind: from.iso) AND d.run_on <= \(bind: to.iso)
            GROUP BY d.step_key, d.run_on, i.due_date
            """
        ).all(decoding: Row.self)
        for row in rows {
            guard let sent = try? LocalDate(iso: row.run_on), let due = try? LocalDate(iso: row.due_date) else {
                continue
            }
            offsets[row.step_key] = min(offsets[row.step_key] ?? .max, due.days(until: sent))
        }
        return offsets
    }
}
