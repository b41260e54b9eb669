import CarteraCore
import Foundation

/// Imports a CSV of customers, contacts, invoices or payments into the organisation, all or nothing.
///
/// `check` is the dry run: the file's own errors and every row checked against the database; nothing
/// is written. `commit` runs the same check and then the writes in one transaction (on SQLite it
/// holds the write lock throughout, so other writers wait for the import), with one audit event for
/// the whole import; any row error rejects the file with `ImportRejected` and writes nothing.
/// Imports never notify customers: no reminder or "new invoice" message is queued.
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
        return try await quiet.transaction(bulk: true) { tx in
            let directory = try await ImportDirectory.load(settings.kind, organisationID: tx.organisationID, on: tx.db)
            var check = ImportCheck(directory: directory, organisationCurrency: options.defaultCurrency.code, today: tx.today)
            var report = check.run(data, settings: settings, options: options, progress: progress)
            guard report.isClean else { throw ImportRejected(report: report) }
            let writer = ImportWriter(context: tx, directory: check.directory, total: report.summary.imported, progress: progress)
            try await writer.write(data, settings: settings, options: options)
            report.dryRun = false
            try await AuditLog.record("import.completed", entityType: "import", entityID: UUID(), details: report.created.auditDetails.merging([
                "kind": settings.kind.rawValue, "preset": settings.preset.rawValue, "file": fileName, "rows": String(report.summary.rows),
                "skipped": String(report.summary.skipped),
            ]) { $1 }, in: tx)
            try await alsoInTransaction?(tx, report)
            return report
        }
    }

    private static func options(_ settings: ImportSettings, _ context: ServiceContext) throws -> ImportOptions {
        settings.options(defaultCurrency: try Currency(code: settings.currency ?? context.organisation.defaultCurrency))
    }
}
