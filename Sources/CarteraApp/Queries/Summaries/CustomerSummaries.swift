import CarteraCore
import Fluent
import Foundation
import SQLKit

/// Per-customer account summaries kept current, so the organisation-wide pages (worklist,
/// dashboard, customer list) read one row per customer instead of every invoice.
///
/// How they stay right:
/// - database triggers mark a customer in the same transaction as any change that can move its
///   figures (`SummaryTriggers`);
/// - every service transaction recomputes the customers it marked before it commits
///   (`ServiceContext.transaction`), so what it changed is summarised in that same transaction;
/// - readers call `current` first: it recomputes whatever is still marked (a bulk import's customers)
///   and, when the organisation's day has changed since its summaries were written, recomputes them
///   all (time alone moves days overdue, buckets, tasks and promises due): the scheduler does it on its
///   first tick of the day, so people rarely wait for it.
/// Summaries are written only under one lock per organisation (`lock`); marks are taken off before the
/// figures are read, so a change committed meanwhile leaves its own mark behind.
enum CustomerSummaries {
    /// A service transaction recomputes at most this many marked customers; any more (left by a bulk
    /// import) are the next reader's.
    static let refreshedInTransaction = 1_000

    /// The organisation's own today, whatever day a dunning run is working "as of".
    static func today(_ context: ServiceContext) -> LocalDate {
        LocalDate.today(at: context.clock.now(), in: context.timeZone)
    }

    /// Brings the organisation's summaries up to date as every reader does first.
    static func current(in context: ServiceContext) async throws {
        let today = today(context)
        if try await day(of: context) != today {
            try await writing(context) { tx in
                // Another reader (or server) may have rebuilt them while this one waited.
                guard try await day(of: tx) != today else { return }
                try await rebuild(in: tx, today: today)
            }
        }
        guard try await anyMarked(context) else { return }
        try await writing(context) { tx in
            try await lock(tx)
            // One read of the settled history for the whole loop, not one per group.
            var pattern = try await pattern(in: tx, stored: try await dayRow(of: tx))
            while try await refresh(in: tx, limit: SummaryComputation.groupSize, pattern: pattern) > 0 {
                // After a rebuild (the pattern had moved) the day's row holds the fresh one.
                if pattern == nil { pattern = try await self.pattern(in: tx, stored: try await dayRow(of: tx)) }
            }
        }
    }

    /// Whether any customer of the organisation is marked for recomputation.
    private static func anyMarked(_ context: ServiceContext) async throws -> Bool {
        try await context.db.sql.raw(
            "SELECT customer_id FROM customer_summary_marks WHERE organisation_id = \(bind: context.organisationID) LIMIT 1"
        ).first() != nil
    }

    /// Recomputes up to `limit` marked customers; returns how many. Inside a write transaction.
    @discardableResult
    /// Before the day's first pass nothing is recomputed: the next reader rebuilds every summary anyway,
    /// and without the day's stored pattern each transaction would read the whole settled history.
    static func refreshMarked(in context: ServiceContext, limit: Int = refreshedInTransaction) async throws -> Int {
        guard try await anyMarked(context) else { return 0 }
        let day = try await dayRow(of: context)
        guard day?.date == today(context) else { return 0 }
        try await lock(context)
        return try await refresh(in: context, limit: limit, pattern: try await pattern(in: context, stored: day))
    }

    /// Takes up to `limit` marks off and recomputes those customers with `pattern` (nil: the pattern
    /// moved, so everyone is rebuilt). Under the lock, inside a write transaction.
    private static func refresh(in context: ServiceContext, limit: Int, pattern: Pattern?) async throws -> Int {
        let sql = try context.db.sql
        let organisationID = context.organisationID
        struct Marked: Decodable { let customer_id: UUID }
        let ids = Array(
            Set(
                try await sql.raw(
                    """
                    DELETE FROM customer_summary_marks WHERE organisation_id = \(bind: organisationID) AND customer_id IN (
                      SELECT customer_id FROM customer_summary_marks WHERE organisation_id = \(bind: organisationID) LIMIT \(unsafeRaw: String(limit)))
                    RETURNING customer_id
                    """
                ).all(decoding: Marked.self).map(\.customer_id)))
        guard !ids.isEmpty else { return 0 }
        guard let pattern else {
            // The payment pattern moved, which moves every customer's forecast: all of them again.
            try await rebuild(in: context, today: today(context))
            return ids.count
        }
        let computation = try SummaryComputation(
            organisation: context.organisation, today: today(context), pattern: pattern.value, on: context.db)
        try await replace(
            ids, with: try await computation.summaries(of: ids), organisationID: organisationID, on: context.db)
        return ids.count
    }

    /// Every summary of the organisation recomputed from the ledger as of `today`. Each group of
    /// customers touches most of the invoice table's pages, so on SQLite the pass reads through a bulk
    /// write's page cache (`SQLiteBulkWrite`): pages come from the file once, not once per group.
    static func rebuild(in context: ServiceContext, today: LocalDate) async throws {
        try await SQLiteBulkWrite.around(on: context.db) { try await rebuildAll(in: context, today: today) }
    }

    private static func rebuildAll(in context: ServiceContext, today: LocalDate) async throws {
        let sql = try context.db.sql
        let organisationID = context.organisationID
        try await lock(context)
        try await sql.raw("DELETE FROM customer_summary_marks WHERE organisation_id = \(bind: organisationID)").run()
        for table in ["customer_summary_balances", "customer_summary_forecast", "customer_summaries"] {
            try await sql.raw("DELETE FROM \(unsafeRaw: table) WHERE organisation_id = \(bind: organisationID)").run()
        }
        let pattern = try await freshPattern(context)
        let computation = try SummaryComputation(
            organisation: context.organisation, today: today, pattern: pattern, on: context.db)
        for group in try await customerGroups(organisationID, on: context.db) {
            let summaries = try await computation.summaries(of: group)
            try await insert(group.compactMap { id in summaries[id].map { (id, $0) } }, organisationID, on: sql)
        }
        // The day's pass also folds what the ledger's triggers appended since the last one.
        try await LedgerChanges.compact(organisationID: organisationID, on: sql, dialect: try context.db.dialect)
        try await sql.raw("DELETE FROM summary_days WHERE organisation_id = \(bind: organisationID)").run()
        try await sql.raw(
            """
            INSERT INTO summary_days (organisation_id, day, pattern_settled, pattern_median, pattern_low, pattern_high)
            VALUES (\(bind: organisationID), \(bind: today.iso), \(bind: pattern.map { Int64($0.settledCount) }),
                    \(bind: pattern?.median), \(bind: pattern?.lowResidual), \(bind: pattern?.highResidual))
            """
        ).run()
    }

    /// Every customer whose stored summary differs from a full recomputation from the ledger as of
    /// the organisation's today, one description per difference. Empty when every summary is right.
    static func mismatches(in context: ServiceContext) async throws -> [String] {
        let organisationID = context.organisationID
        let stored = try await stored(organisationID: organisationID, on: context.db)
        let day = try await dayRow(of: context)
        var pattern = try await pattern(in: context, stored: day)?.value
        if pattern == nil { pattern = try await freshPattern(context) }
        let computation = try SummaryComputation(
            organisation: context.organisation, today: today(context), pattern: pattern, on: context.db)
        var computed: [UUID: CustomerSummary] = [:]
        for group in try await customerGroups(organisationID, on: context.db) {
            computed.merge(try await computation.summaries(of: group)) { _, new in new }
        }
        var differences: [String] = []
        for id in Set(stored.keys).union(computed.keys).sorted(by: { $0.precedes($1) })
        where stored[id] != computed[id] {
            differences.append(
                "customer \(id): stored \(stored[id].map { String(describing: $0) } ?? "nothing"), "
                    + "ledger \(computed[id].map { String(describing: $0) } ?? "nothing")")
        }
        return differences
    }

    // MARK: - Parts

    private struct DayRow: Decodable {
        let day: String
        let pattern_settled: Int64?
        let pattern_median: Double?
        let pattern_low: Double?
        let pattern_high: Double?

        var date: LocalDate? { try? LocalDate(iso: day) }

        var pattern: PaymentDatePredictor.OrganisationPattern? {
            guard let pattern_settled, let pattern_median, let pattern_low, let pattern_high else { return nil }
            return .init(
                settledCount: Int(pattern_settled), median: pattern_median, lowResidual: pattern_low,
                highResidual: pattern_high)
        }
    }

    private static func dayRow(of context: ServiceContext) async throws -> DayRow? {
        try await context.db.sql.raw(
            "SELECT * FROM summary_days WHERE organisation_id = \(bind: context.organisationID)"
        ).first(decoding: DayRow.self)
    }

    private static func day(of context: ServiceContext) async throws -> LocalDate? {
        try await dayRow(of: context)?.date
    }

    /// The organisation's payment pattern from every settled invoice, as the forecast learns it.
    private static func freshPattern(_ context: ServiceContext) async throws
        -> PaymentDatePredictor.OrganisationPattern?
    {
        try await PaymentHistory.organisationPattern(organisationID: context.organisationID, on: context.db)
    }

    private struct Pattern { let value: PaymentDatePredictor.OrganisationPattern? }

    /// The pattern today's summaries use. With many settled invoices one more payment cannot move it
    /// visibly, so the day's stored pattern stands (as `OrganisationPatterns` remembers it for a single
    /// invoice); below `OrganisationPatterns.exactBelow` it is read afresh, and nil comes back when it
    /// no longer predicts what the stored one did (every customer's forecast must then be recomputed).
    /// Before the day's first pass there is nothing stored to keep: it is read afresh.
    private static func pattern(in context: ServiceContext, stored day: DayRow?) async throws -> Pattern? {
        guard let day else { return Pattern(value: try await freshPattern(context)) }
        let stored = day.pattern
        guard (stored?.settledCount ?? 0) < OrganisationPatterns.exactBelow else { return Pattern(value: stored) }
        let fresh = try await freshPattern(context)
        switch (stored, fresh) {
        case (nil, nil): return Pattern(value: nil)
        case (let stored?, let fresh?) where stored.predictsLike(fresh):
            if stored.settledCount != fresh.settledCount {
                try await context.db.sql.raw(
                    "UPDATE summary_days SET pattern_settled = \(bind: Int64(fresh.settledCount)) WHERE organisation_id = \(bind: context.organisationID) AND day = \(bind: day.day)"
                ).run()
            }
            return Pattern(value: fresh)
        default: return nil
        }
    }

    /// The organisation's customers in groups of `SummaryComputation.groupSize`, in id order.
    private static func customerGroups(_ organisationID: UUID, on db: any Database) async throws -> [[UUID]] {
        struct Row: Decodable { let id: UUID }
        let ids = try await db.sql.raw(
            "SELECT id FROM customers WHERE organisation_id = \(bind: organisationID) ORDER BY id"
        ).all(decoding: Row.self).map(\.id)
        return ids.chunks(of: SummaryComputation.groupSize)
    }

    /// Summaries are written by one transaction at a time per organisation. SQLite's single writer
    /// already is that; on PostgreSQL a transaction-scoped advisory lock, taken by nothing else, so it
    /// cannot be part of a deadlock with the row locks a transaction holds.
    private static func lock(_ context: ServiceContext) async throws {
        switch try context.db.dialect {
        case .sqlite: return
        case .postgresql:
            try await context.db.sql.raw(
                "SELECT pg_advisory_xact_lock(1702, hashtext(\(bind: context.organisationID.uuidString)))"
            ).run()
        }
    }

    private static func writing(
        _ context: ServiceContext, _ work: @escaping @Sendable (ServiceContext) async throws -> Void
    ) async throws {
        if context.db.inTransaction { return try await work(context) }
        try await WriteIntent.transaction(on: context.db) { tx in try await work(context.with(db: tx)) }
    }
}
