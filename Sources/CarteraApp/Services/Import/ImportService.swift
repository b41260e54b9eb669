import CarteraCore
import Foundation

/// Imports a CSV of customers, contacts, invoices or payments into the organisation, all or nothing.
///
/// `check` is the dry run: the file's own errors and every row checked against the database; nothing
/// is written. `commit` reads the file once, checking each row and staging the good ones as it goes
/// (`ImportWriter`, `ImportStaging`: bounded batches, each its own short transaction, so other
/// writers are not held up for the length of the file); the first bad row stops the staging, the
/// check goes on to list every error, the staged rows are dropped and `ImportRejected` lists them:
/// nothing is written. A clean file is published in one transaction — its customers, its rows, the
/// settlement of invoices it pays, one audit event for the whole import — so people see all of it or
/// none. Imports never notify customers: no reminder or "new invoice" message is queued.
enum ImportService {
    static func check(
        _ data: Data, settings: ImportSettings, in context: ServiceContext, progress: ImportProgressSink? = nil
    ) async throws -> ImportReport {
        let directory = try await ImportDirectory.load(
            settings.kind, organisationID: context.organisationID, on: context.db)
        let options = try options(settings, context)
        var check = ImportCheck(
            directory: directory, organisationCurrency: options.defaultCurrency.code, today: context.today)
        check.taxIDKind = .usual(for: context.organisation.supportedLocale)
        return check.run(data, settings: settings, options: options, progress: progress)
    }

    /// `alsoInTransaction` runs last, inside the publishing transaction (the upload page records "done" there).
    static func commit(
        _ data: Data, settings: ImportSettings, fileName: String, in context: ServiceContext,
        progress: ImportProgressSink? = nil,
        alsoInTransaction: (@Sendable (ServiceContext, ImportReport) async throws -> Void)? = nil
    ) async throws -> ImportReport {
        var quiet = context
        quiet.notifiesCustomers = false
        let options = try options(settings, context)
        let expectedRows = ImportProgressSink.estimatedRows(data)
        // Read, check and stage: no transaction spans this part.
        let directory = try await ImportDirectory.load(
            settings.kind, organisationID: quiet.organisationID, on: quiet.db)
        var check = ImportCheck(
            directory: directory, organisationCurrency: options.defaultCurrency.code, today: quiet.today)
        check.taxIDKind = .usual(for: quiet.organisation.supportedLocale)
        var reader = ImportReader(bytes: data, kind: settings.kind, mapping: settings.mapping(), options: options)
        var report = check.start(reader)
        var writer = ImportWriter(context: quiet)
        do {
            while let outcome = reader.next() {
                let record = check.check(outcome, in: &report)
                if let record, report.isClean {
                    try await writer.write(record, directory: check.directory)
                }
                if reader.summary.rows % ImportProgressSink.step == 0 {
                    progress?.wrote(reader.summary.rows, of: max(expectedRows, reader.summary.rows))
                }
            }
            check.finish(reader, &report)
            guard report.isClean else { throw ImportRejected(report: report) }
            try await writer.finish()
        } catch {
            await writer.abandon()
            throw error
        }
        // Publish: everything people will see, at once.
        report.dryRun = false
        let published = report
        let finalDirectory = check.directory
        let staged = writer
        let committed: ImportReport
        do {
            committed = try await quiet.transaction(bulk: true) { tx in
                try await staged.publish(directory: finalDirectory, in: tx)
                try await AuditLog.record(
                    "import.completed", entityType: "import", entityID: UUID(),
                    details: published.created.auditDetails.merging([
                        "kind": settings.kind.rawValue, "preset": settings.preset.rawValue, "file": fileName,
                        "rows": String(published.summary.rows),
                        "skipped": String(published.summary.skipped),
                    ]) { $1 }, in: tx)
                // A first import of a ledger starts collections: its old invoices get a first notice.
                try await CollectionsStart.ensure(on: tx.today, in: tx)
                try await alsoInTransaction?(tx, published)
                return published
            }
        } catch {
            var dropped = writer
            await dropped.abandon()
            throw error
        }
        progress?.wrote(committed.summary.rows, of: committed.summary.rows)
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
