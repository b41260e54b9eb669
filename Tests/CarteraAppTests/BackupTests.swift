import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import CarteraApp

/// `cartera backup`: a consistent copy of a live SQLite database (WAL mode), restorable as is.
@Suite struct BackupTests {
    @Test func aBackupOfTheLiveDatabaseOpensWithEverythingInIt() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cartera-backup-\(UUID().uuidString)")
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
            let mode = try await h.app.db.sql.raw("PRAGMA journal_mode").first()?.decode(
                column: "journal_mode", as: String.self)
            #expect(mode == "wal")
            let customer = try await h.createCustomer()
            _ = try await h.createInvoice(customer: customer, number: "RESP-1", total: "150000.00")
            _ = try await h.post("/api/v1/payments", ["customer_id": customer, "amount": "50000.00"])

            await #expect { try await RecordingConsole.run(BackupCommand(), [], app: h.app) } throws: {
                ($0 as? CommandArgumentError)?.field == "--to"
            }
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
            let check = try await h.app.db.sql.raw("PRAGMA integrity_check").first()?.decode(
                column: "integrity_check", as: String.self)
            #expect(check == "ok")
        }
    }
}
