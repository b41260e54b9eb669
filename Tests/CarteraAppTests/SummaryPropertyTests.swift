import CarteraCore
import Foundation
import SQLKit
import Testing
import Vapor

@testable import CarteraApp

/// Issue 17's acceptance: after thousands of random operations through the API (and days passing
/// with the daily pass), every stored customer summary equals a full recomputation from the ledger.
/// `CARTERA_SUMMARY_OPS` lowers the 10,000 operations for a local run; `CARTERA_SUMMARY_SEED`
/// replays another walk.
@Suite struct SummaryPropertyTests {
    static var operations: Int {
        ProcessInfo.processInfo.environment["CARTERA_SUMMARY_OPS"].flatMap { Int($0) }.map { max(1, $0) } ?? 10_000
    }
    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["CARTERA_SUMMARY_SEED"].flatMap { UInt64($0) } ?? 17
    }
    /// Operations between two checks of every summary against the ledger.
    static let checkEvery = 250

    @Test("after thousands of random operations every summary equals a recomputation from the ledger")
    func randomOperationsKeepEverySummaryRight() async throws {
        try await TestHarness.run { h in
            let started = ContinuousClock.now
            var walk = RandomLedgerOperations(h, seed: Self.seed)
            try await walk.prepare()
            var done = 0
            var allRight = true
            var checkTime = Duration.zero
            while done < Self.operations, allRight {
                try await walk.step()
                done += 1
                if done % Self.checkEvery == 0 || done == Self.operations {
                    let checking = ContinuousClock.now
                    allRight = try await Self.summariesMatchTheLedger(h, walk, after: done)
                    checkTime += ContinuousClock.now - checking
                }
            }
            let elapsed = ContinuousClock.now - started
            print(try await Self.report(h, walk, operations: done, elapsed: elapsed, checkTime: checkTime))
            #expect(walk.serverErrors.isEmpty, "answered 5xx:\n\(walk.serverErrors.prefix(10).joined(separator: "\n"))")
            guard allRight, done >= 1_000 else { return }
            // The walk reached every kind of operation, and each was accepted at least once.
            for kind in RandomLedgerOperations.Kind.allCases {
                let tried = walk.tried[kind, default: 0]
                #expect(tried - walk.refused[kind, default: 0] > 0, "\(kind.rawValue): tried \(tried), all refused")
            }
            // Days passing kept and broke promises on their own.
            let promises = try await Self.counts(h, "payment_promises")
            #expect(promises["broken", default: 0] > 0 && promises["kept", default: 0] > 0, "promises: \(promises)")
        }
    }

    @Test("the check notices a summary changed behind its back, and a raw change to the ledger is refreshed")
    func theCheckNoticesTampering() async throws {
        try await TestHarness.run { h in
            var walk = RandomLedgerOperations(h, seed: 5)
            try await walk.prepare()
            for _ in 0..<150 { try await walk.step() }
            let context = try await Self.context(h)
            try await CustomerSummaries.current(in: context)
            try #require(try await CustomerSummaries.mismatches(in: context) == [])

            // A hand-written fix to the ledger is marked by the triggers; the next reader refreshes it.
            struct Owed: Decodable { let id: UUID }
            let owed = try #require(
                try await h.app.db.sql.raw(
                    "SELECT id FROM invoices WHERE organisation_id = \(bind: h.organisationID) AND balance_minor > 0 AND status <> 'draft' ORDER BY id LIMIT 1"
                ).first(decoding: Owed.self))
            let longAgo = walk.today.addingClamped(days: -120).iso
            try await h.app.db.sql.raw("UPDATE invoices SET due_date = \(bind: longAgo) WHERE id = \(bind: owed.id)")
                .run()
            try await CustomerSummaries.current(in: context)
            #expect(try await CustomerSummaries.mismatches(in: context) == [])

            // The summaries themselves changed: nothing marks that, so only the check can tell.
            let tampering: [SQLQueryString] = [
                "UPDATE customer_summaries SET score = score + 1",
                "UPDATE customer_summary_balances SET overdue_minor = overdue_minor + 1",
                "DELETE FROM customer_summaries WHERE customer_id IN (SELECT customer_id FROM customer_summaries ORDER BY customer_id LIMIT 1)",
            ]
            for statement in tampering {
                try await h.app.db.sql.raw(statement).run()
                try await CustomerSummaries.current(in: context)
                #expect(!(try await CustomerSummaries.mismatches(in: context)).isEmpty, "unnoticed: \(statement)")
                // Forgetting the day they were written makes the next reader rebuild them all.
                try await h.app.db.sql.raw("DELETE FROM summary_days").run()
                try await CustomerSummaries.current(in: context)
                #expect(try await CustomerSummaries.mismatches(in: context) == [], "not rebuilt after: \(statement)")
            }
        }
    }

    // MARK: - Parts

    private static func context(_ h: TestHarness) async throws -> ServiceContext {
        try await ServiceContext.make(
            db: h.app.db, actor: Actor(organisationID: h.organisationID, name: "test:summary-check"), app: h.app)
    }

    /// Brings the summaries up to date as every reader does, then compares each with the ledger.
    private static func summariesMatchTheLedger(_ h: TestHarness, _ walk: RandomLedgerOperations, after done: Int)
        async throws -> Bool
    {
        let context = try await context(h)
        try await CustomerSummaries.current(in: context)
        let mismatches = try await CustomerSummaries.mismatches(in: context)
        #expect(
            mismatches.isEmpty,
            """
            after \(done) operations (seed \(seed), \(walk.today.iso)) \(mismatches.count) summaries differ from the ledger:
            \(mismatches.prefix(5).joined(separator: "\n"))
            last operations:
            \(walk.logTail)
            """)
        // The reports' ledger changes, kept by triggers and folded by the day's pass, equal the ledger's.
        let changes = try await LedgerChanges.mismatches(
            organisationID: h.organisationID, on: try h.app.db.sql, dialect: try h.app.db.dialect)
        #expect(
            changes.isEmpty,
            """
            after \(done) operations (seed \(seed), \(walk.today.iso)) the ledger changes differ:
            \(changes.prefix(5).joined(separator: "\n"))
            last operations:
            \(walk.logTail)
            """)
        return mismatches.isEmpty && changes.isEmpty
    }

    private static func seconds(_ duration: Duration) -> String {
        let (whole, fraction) = duration.components
        return String(format: "%.1f", Double(whole) + Double(fraction) / 1e18)
    }

    private static func counts(_ h: TestHarness, _ table: String) async throws -> [String: Int] {
        struct Row: Decodable {
            let status: String
            let count: Int
        }
        let rows = try await h.app.db.sql.raw(
            "SELECT status, COUNT(*) AS count FROM \(ident: table) WHERE organisation_id = \(bind: h.organisationID) GROUP BY status"
        ).all(decoding: Row.self)
        return Dictionary(rows.map { ($0.status, $0.count) }, uniquingKeysWith: +)
    }

    private static func report(
        _ h: TestHarness, _ walk: RandomLedgerOperations, operations: Int, elapsed: Duration, checkTime: Duration
    ) async throws -> String {
        let engine = TestHarness.usesPostgres ? "PostgreSQL" : "SQLite"
        let refused = walk.refused.values.reduce(0, +)
        var lines = [
            "Summary property test on \(engine), seed \(seed): \(operations) operations (\(walk.requests) requests), "
                + "\(refused) refused, \(walk.days) days passed, in \(seconds(elapsed)) s "
                + "(requests \(seconds(walk.requestTime)) s, daily passes \(seconds(walk.dailyPassTime)) s, "
                + "checks \(seconds(checkTime)) s)"
        ]
        for kind in RandomLedgerOperations.Kind.allCases {
            let why = (walk.refusals[kind] ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            lines.append(
                "  \(kind.rawValue): \(walk.tried[kind, default: 0]) tried, \(walk.refused[kind, default: 0]) refused, "
                    + "\(seconds(walk.timeByKind[kind] ?? .zero)) s"
                    + (why.isEmpty ? "" : " (\(why.joined(separator: ", ")))"))
        }
        for table in ["invoices", "payment_promises", "payment_plans", "disputes", "collection_tasks"] {
            lines.append("  \(table): \(try await counts(h, table).sorted { $0.key < $1.key })")
        }
        return lines.joined(separator: "\n")
    }
}
