import CarteraCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import CarteraApp

/// An import stages its rows in bounded batches, each its own transaction, and publishes them in one:
/// other writers get the database while a file is read, and nobody sees half an import.
@Suite struct ImportBatchingTests {
    static let rows = 12_000

    static func file(rows: Int = rows, firstNumber: Int = 1) -> Data {
        var text = "customer_name,invoice_number,issue_date,due_date,amount,open_balance\n"
        for index in 0..<rows {
            text +=
                "Cliente \(index % 50),FE-\(firstNumber + index),2026-01-05,2026-02-04,1000.00,\(index % 3 == 0 ? "400.00" : "1000.00")\n"
        }
        return Data(text.utf8)
    }

    static func settings() throws -> ImportSettings {
        try ImportSettings.parse(kind: "invoices", preset: nil, locale: nil, currency: nil)
    }

    /// What a write done mid-import saw.
    actor Probe {
        var invoicesSeen: Int?
        var wroteAt: Date?
        func record(_ invoices: Int) {
            invoicesSeen = invoices
            wroteAt = Date()
        }
    }

    static func stagedRows(_ h: TestHarness) async throws -> Int {
        var total = 0
        for table in ImportStaging.tables {
            total +=
                try await h.app.db.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from(table.staged).first()?.decode(column: "n", as: Int.self) ?? 0
        }
        return total
    }

    @Test func anotherWriterGetsTheDatabaseMidImportAndSeesNoneOfIt() async throws {
        try await TestHarness.run { h in
            let context = try await ServiceContext.make(
                db: h.app.db, actor: Actor(organisationID: h.organisationID, name: "test"), app: h.app)
            let probe = Probe()
            let started = LockedTask()
            let sink = ImportProgressSink { _, done, _ in
                guard done > 0, done < Self.rows else { return }
                // A write transaction while the file is still being read: with one transaction for the
                // whole import it would wait for the end; now it runs between two batches.
                started.startAndWait {
                    try await WriteIntent.transaction(on: h.app.db) { tx in
                        let count = try await Invoice.query(on: tx).count()
                        try await AuditLog.record(
                            "test.write", entityType: "test", entityID: UUID(), details: [:], in: context.with(db: tx))
                        await probe.record(count)
                    }
                }
            }
            let report = try await ImportService.commit(
                Self.file(), settings: try Self.settings(), fileName: "big.csv", in: context, progress: sink)
            let finished = Date()
            try await started.wait()
            #expect(report.created.invoices == Self.rows)
            #expect(await probe.invoicesSeen == 0, "nothing of the import is visible before it is published")
            #expect(try #require(await probe.wroteAt) < finished, "the other write did not wait for the import to end")
            #expect(try await Invoice.query(on: h.app.db).count() == Self.rows)
            #expect(try await Payment.query(on: h.app.db).count() == Self.rows / 3)
            #expect(try await Self.stagedRows(h) == 0)
        }
    }

    @Test func aRejectedFileLeavesNothingStagedOrVisible() async throws {
        try await TestHarness.run { h in
            let context = try await ServiceContext.make(
                db: h.app.db, actor: Actor(organisationID: h.organisationID, name: "test"), app: h.app)
            var text = String(decoding: Self.file(rows: 3_000), as: UTF8.self)
            text += "Cliente 1,FE-BAD,2026-01-05,not a date,1000.00,\n"
            await #expect(throws: ImportRejected.self) {
                try await ImportService.commit(
                    Data(text.utf8), settings: try Self.settings(), fileName: "bad.csv", in: context)
            }
            #expect(try await Invoice.query(on: h.app.db).count() == 0)
            #expect(try await Customer.query(on: h.app.db).count() == 0)
            #expect(try await Self.stagedRows(h) == 0)
        }
    }

    /// The file was checked against the database before staging; an invoice number taken meanwhile
    /// makes the publish fail as a whole (unique constraint), and nothing of the file appears.
    @Test func aConflictAtPublishImportsNothing() async throws {
        try await TestHarness.run { h in
            let context = try await ServiceContext.make(
                db: h.app.db, actor: Actor(organisationID: h.organisationID, name: "test"), app: h.app)
            let customer = try await h.createCustomer("Otro Cliente S.A.S.")
            let started = LockedTask()
            let sink = ImportProgressSink { _, done, _ in
                guard done > 0, done < Self.rows else { return }
                started.startAndWait {
                    _ = try await h.createInvoice(customer: customer, number: "FE-\(Self.rows)", total: "10.00")
                }
            }
            await #expect(throws: (any Error).self) {
                try await ImportService.commit(
                    Self.file(), settings: try Self.settings(), fileName: "big.csv", in: context, progress: sink)
            }
            try await started.wait()
            #expect(try await Invoice.query(on: h.app.db).count() == 1, "only the invoice created by hand")
            #expect(try await Customer.query(on: h.app.db).count() == 1)
            #expect(try await Self.stagedRows(h) == 0)
        }
    }
}

/// Runs one task from a synchronous callback (the import's progress sink), once, and blocks the
/// callback until it is done (at most 10 s): the import cannot go on meanwhile, so the task's write
/// lands at a known point of the import. Had the import held the write lock, the task could not
/// finish, and the timeout would show it.
final class LockedTask: @unchecked Sendable {
    private let lock = NSLock()
    private var task: Task<Void, any Error>?

    func startAndWait(_ work: @escaping @Sendable () async throws -> Void) {
        lock.lock()
        guard task == nil else {
            lock.unlock()
            return
        }
        let done = DispatchSemaphore(value: 0)
        task = Task {
            defer { done.signal() }
            try await work()
        }
        lock.unlock()
        _ = done.wait(timeout: .now() + 10)
    }

    func wait() async throws {
        let task = lock.withLock { self.task }
        try await task?.value
    }
}
