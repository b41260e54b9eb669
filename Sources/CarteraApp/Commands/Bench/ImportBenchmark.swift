import CarteraCore
import Foundation
import SQLKit
import Vapor

/// The import half of `cartera bench`: a generated invoices CSV in Cartera's generic layout,
/// imported by `ImportService` (checked and written in one transaction), next to the database's
/// own bulk loader reading the same file into a plain table — `sqlite3 .import`, or `psql \copy`.
enum ImportBenchmark {
    static func file(rows: Int, in directory: URL) throws -> URL {
        let kind = ImportKind.invoices
        var text = kind.exportHeader.joined(separator: ",") + "\n"
        text.reserveCapacity(rows * 110)
        for index in 0..<rows {
            let amount = "\(100_000 + index % 900_000).00"
            text += kind.exportRow([
                .customerCode: "IMP-C\(index % 1_000)", .customerName: "Importado \(index % 1_000) S.A.S.", .invoiceNumber: "IMP-\(index)",
                .issueDate: "2026-01-\(String(format: "%02d", 1 + index % 28))", .dueDate: "2026-02-\(String(format: "%02d", 1 + index % 28))",
                .amount: amount, .currency: "COP", .openBalance: amount,
            ]).joined(separator: ",") + "\n"
        }
        let url = directory.appendingPathComponent("bench-import-\(rows).csv")
        try Data(text.utf8).write(to: url)
        return url
    }

    static func cartera(_ url: URL, in context: ServiceContext) async throws {
        let settings = ImportSettings(kind: .invoices, preset: .generic)
        _ = try await ImportService.commit(try Data(contentsOf: url), settings: settings, fileName: url.lastPathComponent, in: context)
    }

    /// Milliseconds the database's own loader takes for the file, or nil when its tool is missing.
    static func baseline(_ url: URL, app: Application) async throws -> Double? {
        let sql = app.db as! any SQLDatabase
        let columns = ImportKind.invoices.exportHeader
        try await sql.raw("DROP TABLE IF EXISTS bench_import_raw").run()
        try await sql.raw(SQLQueryString("CREATE TABLE bench_import_raw (" + columns.map { "\"\($0)\" TEXT" }.joined(separator: ", ") + ")")).run()
        let arguments: [String]
        if sql.dialect.name == "sqlite" {
            guard case let .sqliteFile(path) = try AppConfig.fromEnvironment().database else { return nil }
            arguments = ["sqlite3", path, ".import --csv --skip 1 \(url.path) bench_import_raw"]
        } else {
            guard let database = ProcessInfo.processInfo.environment["DATABASE_URL"] else { return nil }
            arguments = ["psql", database, "-q", "-c", "\\copy bench_import_raw FROM '\(url.path)' CSV HEADER"]
        }
        let started = DispatchTime.now()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        do { try process.run() } catch { return nil }
        process.waitUntilExit()
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
        try await sql.raw("DROP TABLE IF EXISTS bench_import_raw").run()
        return process.terminationStatus == 0 ? elapsed : nil
    }
}
