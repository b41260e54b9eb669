import CarteraCore
import Foundation

/// Imports a CSV of customers, contacts, invoices or payments into the organisation, all or nothing.
///
/// `check` is the dry run: the file's own errors and every row checked against the database; nothing
/// is written. `commit` reads the file once inside one transaction, checking each row and writing the
/// good ones as it goes (on SQLite it holds the write lock throughout, so other writers wait for the
/// import); the first bad row stops the writing, the check goes on to list every error, and the
/// transaction rolls back with `ImportRejected`: nothing is written. One audit event records the
/// whole import. Imports never notify customers: no reminder or "new invoice" message is queued.
enum ImportService {
    static func check(_ data: Data, settings: ImportSettings, in context: ServiceContext, progress: ImportProgressSink? = nil) async throws -> ImportReport {
        let directory = try await ImportDirectory.load(settings.kind, organisationID: context.organisationID, on: context.db)
        let options = try options(settings, context)
        var check = ImportCheck(directory: directory, organisationCurrency: options.defaultCurrency.code, today: context.today)
        return check.run(data, settings: settings, options: options, progress: progress)
    }

    /// `alsoInTransaction` runs last, inside the import's transaction (the upload page records "done" there).
    static func commit(_ data: Data, settings: ImportSettings, fileName: String, in context: ServiceContext,
                       progress: ImportProgressSink? = nil,
                       alsoInTransaction: (@Sendable (ServiceContext, ImportReport) async throws -> Void)? = nil) async throws -> ImportReport {
        var quiet = context
        quiet.notifiesCustomers = false
        let options = try options(settings, context)
        let expectedRows = ImportProgressSink.estimatedRows(data)
        let committed = try await quiet.transaction(bulk: true) { tx in
            let directory = try await ImportDirectory.load(settings.kind, organisationID: tx.organisationID, on: tx.db)
            var check = ImportCheck(directory: directory, organisationCurrency: options.defaultCurrency.code, today: tx.today)
            var reader = ImportReader(bytes: data, kind: settings.kind, mapping: settings.mapping(), options: options)
            var report = check.start(reader)
            var writer = ImportWriter(context: tx)
            while let outcome = reader.next() {
                let record = check.check(outcome, in: &report)
                if let record, report.isClean {
                    do { try await writer.write(record, directory: check.directory) } catch { await writer.abandon(); throw error }
                } else if !report.isClean {
                    await writer.abandon()
                }
                if reader.summary.rows % ImportProgressSink.step == 0 { progress?.wrote(reader.summary.rows, of: max(expectedRows, reader.summary.rows)) }
            }
            check.finish(reader, &report)
            guard report.isClean else {
                await writer.abandon()
                throw ImportRejected(report: report)
            }
            try await writer.finish(directory: check.directory)
            progress?.wrote(report.summary.rows, of: report.summary.rows)
            report.dryRun = false
            try await AuditLog.record("import.completed", entityType: "import", entityID: UUID(), details: report.created.auditDetails.merging([
                "kind": settings.kind.rawValue, "preset": settings.preset.rawValue, "file": fileName, "rows": String(report.summary.rows),
                "skipped": String(report.summary.skipped),
            ]) { $1 }, in: tx)
            try await alsoInTransaction?(tx, report)
            return report
        }
        // A large import changes what the query planner should expect; a failure here loses nothing.
        if committed.summary.rows >= DatabaseStatistics.refreshedAfterImportsOf {
            try? await DatabaseStatistics.refresh(on: context.db)
        }
        return committed
    }

    private static func options(_ settings: ImportSettings, _ context: ServiceContext) throws -> ImportOptions {
        settings.options(defaultCurrency: try Currency(code: settings.currency ?? context.organisation.defaultCurrency))
    }
}
