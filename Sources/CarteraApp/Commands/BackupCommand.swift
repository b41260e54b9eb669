import Fluent
import Foundation
import SQLKit
import Vapor

/// `cartera backup --to FILE`: a consistent copy of the SQLite database while the server keeps
/// running (`VACUUM INTO` reads one snapshot; in WAL mode writers are not blocked). PostgreSQL has
/// its own tools (`pg_dump`), so the command says so instead of pretending.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "to", help: "The file to write; it must not exist yet")
        var destination: String?
    }

    var help: String {
        "Copies the SQLite database to a file while the server runs (restore: stop the server, put the file in place)."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let destination = signature.destination, !destination.isEmpty else {
            throw CommandArgumentError(
                field: "--to", message: "name the backup file, e.g. --to backups/cartera-2026-11-25.sqlite")
        }
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw CommandArgumentError(field: "--to", message: "\(destination) exists already; backups never overwrite")
        }
        let sql = try context.application.db.sql
        switch try context.application.db.dialect {
        case .sqlite: break
        case .postgresql:
            throw CommandArgumentError(
                field: "DATABASE_URL",
                message: "PostgreSQL is backed up with pg_dump (see README, Running in production)")
        }
        try await sql.raw("VACUUM INTO \(bind: destination)").run()
        let bytes = (try? FileManager.default.attributesOfItem(atPath: destination)[.size] as? Int) ?? 0
        context.console.print("Backup written to \(destination) (\(bytes / 1024) KiB)")
    }
}
