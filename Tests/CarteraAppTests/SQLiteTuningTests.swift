import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import CarteraApp

/// SQLite files are read through memory mapping (`SQLiteReads`), on every connection of the pool.
@Suite struct SQLiteReadsTests {
    @Test func connectionsOfAFileDatabaseMapItIntoMemory() async throws {
        guard !TestHarness.usesPostgres else { return }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cartera-mmap-\(UUID().uuidString).sqlite"
        ).path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try await TestHarness.run(adjust: { config in config.database = .sqliteFile(path: path) }) { h in
            struct Row: Decodable { let mmap_size: Int64 }
            for _ in 0..<4 {
                let rows = try await h.app.db.sql.raw("PRAGMA mmap_size").all(decoding: Row.self)
                #expect(rows.first?.mmap_size == Int64(SQLiteReads.defaultMappedMebibytes) * 1_048_576)
            }
        }
    }

    @Test func idsAreBoundAndReadAsTheSameUpperCaseText() async throws {
        guard !TestHarness.usesPostgres else { return }
        try await TestHarness.run { h in
            let sql = try h.app.db.sql
            let id = UUID()
            try await sql.raw("CREATE TEMP TABLE ids (id UUID)").run()
            try await sql.raw("INSERT INTO ids (id) VALUES (\(bind: id)), (\(bind: id.uuidString.lowercased()))").run()
            struct Row: Decodable {
                let id: UUID
                let text: String
                let kind: String
            }
            let rows = try await sql.raw("SELECT id, id AS text, typeof(id) AS kind FROM ids ORDER BY rowid").all(
                decoding: Row.self)
            #expect(rows.map(\.id) == [id, id])
            #expect(rows.map(\.text) == [id.uuidString, id.uuidString.lowercased()])
            #expect(rows.map(\.kind) == ["text", "text"])
        }
    }

    @Test func theMapsSizeIsASettingInMebibytes() throws {
        #expect(try AppConfig.fromEnvironment([:]).sqliteMappedMebibytes == SQLiteReads.defaultMappedMebibytes)
        #expect(try AppConfig.fromEnvironment(["CARTERA_SQLITE_MMAP_MB": "256"]).sqliteMappedMebibytes == 256)
        #expect(try AppConfig.fromEnvironment(["CARTERA_SQLITE_MMAP_MB": "0"]).sqliteMappedMebibytes == 0)
        for refused in ["-1", "2048", "lots", "1e3"] {
            #expect(throws: ConfigError.self) { try AppConfig.fromEnvironment(["CARTERA_SQLITE_MMAP_MB": refused]) }
        }
    }
}

/// The planner statistics SQLite needs to choose a customer's index over the organisation's.
@Suite struct DatabaseStatisticsTests {
    @Test func anImportLeavesStatisticsThatSteerACustomersQueryToItsIndex() async throws {
        guard !TestHarness.usesPostgres else { return }
        try await TestHarness.run { h in
            let sql = try h.app.db.sql
            struct Count: Decodable { let n: Int }
            let before = try await sql.raw("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'").first(
                decoding: Count.self)
            #expect(before?.n == 0)
            // given an organisation of many customers with a few invoices each, brought by an import
            var csv = ImportTests.header
            for index in 0..<3_000 {
                csv += "C\(index % 300),Cliente \(index % 300) S.A.S.,S-\(index),2026-01-05,2026-02-04,10.00,,COP,\n"
            }
            let imported = try await ImportFixtures.post(h, csv, query: "kind=invoices&preset=generic")
            try #require(imported.status == .ok || imported.status == .created, "\(imported.json)")
            // then the statistics exist, and one customer's invoices are read through the customer index
            let after = try await sql.raw("SELECT COUNT(*) AS n FROM sqlite_stat1 WHERE tbl = 'invoices'").first(
                decoding: Count.self)
            #expect((after?.n ?? 0) > 0)
            struct Plan: Decodable { let detail: String }
            let plan = try await sql.raw(
                """
                EXPLAIN QUERY PLAN SELECT id FROM invoices
                WHERE organisation_id = \(bind: h.organisationID) AND customer_id IN (\(bind: UUID())) AND status = 'paid'
                """
            ).all(decoding: Plan.self)
            #expect(plan.contains { $0.detail.contains("idx_invoices_customer") }, "\(plan.map(\.detail))")
        }
    }

    @Test func aSmallImportLeavesTheStatisticsAlone() async throws {
        guard !TestHarness.usesPostgres else { return }
        try await TestHarness.run { h in
            var csv = ImportTests.header
            for index in 0..<10 {
                csv += "C\(index),Cliente \(index) S.A.S.,P-\(index),2026-01-05,2026-02-04,10.00,,COP,\n"
            }
            let imported = try await ImportFixtures.post(h, csv, query: "kind=invoices&preset=generic")
            try #require(imported.status == .ok || imported.status == .created, "\(imported.json)")
            struct Count: Decodable { let n: Int }
            let stats = try await h.app.db.sql.raw(
                "SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'"
            ).first(decoding: Count.self)
            #expect(stats?.n == 0)
        }
    }
}
