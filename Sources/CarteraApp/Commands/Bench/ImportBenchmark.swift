import CarteraCore
import Foundation
import SQLKit
import Vapor

/// The import half of `cartera bench`: a generated invoices CSV in Cartera's generic layout,
/// imported by `ImportService` (checked and written in one transaction), next to the database's
/// own bulk loader reading the same file into a plain table — `sqlite3 .import`, or `psql \copy`.
enum ImportBenchmark {
    static func file(rows: Int, run: String, in directory: URL) throws -> URL {
        let kind = ImportKind.invoices
        var text = kind.exportHeader.joined(separator: ",") + "\n"
        text.reserveCapacity(rows * 110)
        for index in 0..<rows {
            let amount = "\(100_000 + index % 900_000).00"
            text +=
                kind.exportRow([
                    .customerCode: "IMP-C\(index % 1_000)", .customerName: "Importado \(index % 1_000) S.A.S.",
                    .invoiceNumber: "IMP-\(run)-\(index)",
                    .issueDate: "2026-01-\(String(format: "%02d", 1 + index % 28))",
                    .dueDate: "2026-02-\(String(format: "%02d", 1 + index % 28))",
                    .amount: amount, .currency: "COP", .openBalance: amount,
                ]).joined(separator: ",") + "\n"
        }
        let url = directory.appendingPathComponent("bench-import-\(rows).csv")
        try Data(text.utf8).write(to: url)
        return url
    }

    static func cartera(_ url: URL, in context: ServiceContext) async throws {
        let settings = ImportSettings(kind: .invoices, preset: .generic)
        _ = try await ImportService.commit(
            try Data(contentsOf: url), settings: settings, fileName: url.lastPathComponent, in: context)
    }

    /// Milliseconds the database's own loader takes for the file into a bare table, or nil when its
    /// tool is missing. With `intoInvoices`, the loaded rows then also go into the real invoices table
    /// by one INSERT … SELECT (customers by their code, which Cartera's import created), in one
    /// transaction: the same rows with the same keys and indexes, without any of the checks.
    static func baseline(_ url: URL, app: Application, intoInvoices organisationID: UUID? = nil) async throws -> Double?
    {
        let sql = try app.db.sql
        let columns = ImportKind.invoices.exportHeader
        try await sql.raw("DROP TABLE IF EXISTS bench_import_raw").run()
        try await sql.raw(
            SQLQueryString(
                "CREATE TABLE bench_import_raw (" + columns.map { "\"\($0)\" TEXT" }.joined(separator: ", ") + ")")
        ).run()
        let dialect = try app.db.dialect
        let arguments: [String]
        switch dialect {
        case .sqlite:
            guard case .sqliteFile(let path) = try AppConfig.fromEnvironment().database else { return nil }
            arguments = ["sqlite3", path, ".import --csv --skip 1 \(url.path) bench_import_raw"]
        case .postgresql:
            guard let database = ProcessInfo.processInfo.environment["DATABASE_URL"] else { return nil }
            arguments = ["psql", database, "-q", "-c", "\\copy bench_import_raw FROM '\(url.path)' CSV HEADER"]
        }
        let started = DispatchTime.now()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        do { try process.run() } catch { return nil }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        if let organisationID {
            try await WriteIntent.transaction(on: app.db) { tx in
                try await tx.sql.raw(insertInvoices(organisationID: organisationID, dialect: dialect)).run()
            }
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
        try await sql.raw("DROP TABLE IF EXISTS bench_import_raw").run()
        return elapsed
    }

    /// The loaded rows as invoices (numbers prefixed, so they do not collide with Cartera's import of
    /// the same file); amounts have two decimals in the generated file, so dropping the point gives cents.
    private static func insertInvoices(organisationID: UUID, dialect: Dialect) -> SQLQueryString {
        let id: SQLQueryString
        let source: SQLQueryString
        let join: SQLQueryString
        switch dialect {
        case .sqlite:
            id =
                "upper(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-A' || substr(h, 18, 3) || '-' || substr(h, 21, 12))"
            source = "(SELECT *, hex(randomblob(16)) AS h FROM bench_import_raw)"
            // SQLite has no statistics on the fresh table: CROSS JOIN keeps it the outer loop, each row
            // finding its customer through the (organisation, external code) index.
            join = "CROSS JOIN"
        case .postgresql:
            (id, source, join) = ("gen_random_uuid()", "bench_import_raw", "JOIN")
        }
        let now = Date()
        return """
            INSERT INTO invoices (id, organisation_id, customer_id, number, issue_date, due_date, payment_terms, currency, total_minor,
                                  settled_minor, balance_minor, status, external_reference, notes, created_at, updated_at)
            SELECT \(id), \(bind: organisationID), c.id, 'SQL-' || r.invoice_number, r.issue_date, r.due_date, 'net30', r.currency,
                   CAST(replace(r.amount, '.', '') AS BIGINT), 0, CAST(replace(r.open_balance, '.', '') AS BIGINT), 'open', NULL, '',
                   \(bind: now), \(bind: now)
            FROM \(source) r \(join) customers c ON c.organisation_id = \(bind: organisationID) AND c.external_code = r.customer_code
            """
    }
}
