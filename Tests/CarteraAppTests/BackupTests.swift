import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
@testable import CarteraApp

/// `cartera backup`: a consistent copy of a live SQLite database (WAL mode), restorable as is.
@Suite struct BackupTests {
    @Test func aBackupOfTheLiveDatabaseOpensWithEverythingInIt() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cartera-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let live = directory.appendingPathComponent("live.sqlite").path
        let copy = directory.appendingPathComponent("copy.sqlite").path
        let onPostgres = TestHarness.usesPostgres

        try await TestHarness.run(adjust: { config in
            if !onPostgres { config.database = .sqliteFile(path: live) }
        }) { h in
            guard !onPostgres else {
                await #expect { try await RecordingConsole.run(BackupCommand(), ["--to", copy], app: h.app) } throws: {
                    ($0 as? CommandArgumentError)?.field == "DATABASE_URL"
                }
                return
            }
            let mode = try await (h.app.db as! any SQLDatabase).raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
            #expect(mode == "wal")
            let customer = try await h.createCustomer()
            _ = try await h.createInvoice(customer: customer, number: "RESP-1", total: "150000.00")
            _ = try await h.post("/api/v1/payments", ["customer_id": customer, "amount": "50000.00"])

            await #expect { try await RecordingConsole.run(BackupCommand(), [], app: h.app) } throws: { ($0 as? CommandArgumentError)?.field == "--to" }
            let output = try await RecordingConsole.run(BackupCommand(), ["--to", copy], app: h.app)
            #expect(output.contains("Backup written to \(copy)"))
            await #expect { try await RecordingConsole.run(BackupCommand(), ["--to", copy], app: h.app) } throws: {
                ($0 as? CommandArgumentError)?.message.contains("exists already") == true
            }
        }
        guard !onPostgres else { return }
        // Restoring is opening the file: the copy has the invoice, its payment and its balance.
        try await TestHarness.run(adjust: { config in config.database = .sqliteFile(path: copy) }) { h in
            let invoice = try #require(try await Invoice.query(on: h.app.db).filter(\.$number == "RESP-1").first())
            #expect(invoice.balanceMinor == 100_000_00)
            #expect(try await Payment.query(on: h.app.db).count() == 1)
            let check = try await (h.app.db as! any SQLDatabase).raw("PRAGMA integrity_check").first()?.decode(column: "integrity_check", as: String.self)
            #expect(check == "ok")
        }
    }
}

/// SQLite files are read through memory mapping (`SQLiteReads`), on every connection of the pool.
@Suite struct SQLiteReadsTests {
    @Test func connectionsOfAFileDatabaseMapItIntoMemory() async throws {
        guard !TestHarness.usesPostgres else { return }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cartera-mmap-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try await TestHarness.run(adjust: { config in config.database = .sqliteFile(path: path) }) { h in
            struct Row: Decodable { let mmap_size: Int64 }
            for _ in 0..<4 {
                let rows = try await (h.app.db as! any SQLDatabase).raw("PRAGMA mmap_size").all(decoding: Row.self)
                #expect(rows.first?.mmap_size == SQLiteReads.mappedBytes)
            }
        }
    }
}

/// The planner statistics SQLite needs to choose a customer's index over the organisation's.
@Suite struct DatabaseStatisticsTests {
    @Test func anImportLeavesStatisticsThatSteerACustomersQueryToItsIndex() async throws {
        guard !TestHarness.usesPostgres else { return }
        try await TestHarness.run { h in
            let sql = h.app.db as! any SQLDatabase
            struct Count: Decodable { let n: Int }
            let before = try await sql.raw("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'").first(decoding: Count.self)
            #expect(before?.n == 0)
            // given an organisation of many customers with a few invoices each, brought by an import
            var csv = ImportTests.header
            for index in 0..<3_000 { csv += "C\(index % 300),Cliente \(index % 300) S.A.S.,S-\(index),2026-01-05,2026-02-04,10.00,,COP,\n" }
            let imported = try await ImportFixtures.post(h, csv, query: "kind=invoices&preset=generic")
            try #require(imported.status == .ok || imported.status == .created, "\(imported.json)")
            // then the statistics exist, and one customer's invoices are read through the customer index
            let after = try await sql.raw("SELECT COUNT(*) AS n FROM sqlite_stat1 WHERE tbl = 'invoices'").first(decoding: Count.self)
            #expect((after?.n ?? 0) > 0)
            struct Plan: Decodable { let detail: String }
            let plan = try await sql.raw("""
                EXPLAIN QUERY PLAN SELECT id FROM invoices
                WHERE organisation_id = \(bind: h.organisationID) AND customer_id IN (\(bind: UUID())) AND status = 'paid'
                """).all(decoding: Plan.self)
            #expect(plan.contains { $0.detail.contains("idx_invoices_customer") }, "\(plan.map(\.detail))")
        }
    }
}
