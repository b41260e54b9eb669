import CarteraCore
import Fluent
import SQLKit
import Vapor

/// GET /import: upload a CSV of customers, contacts, invoices or payments; preview how its columns
/// are read and what the dry run finds, change a column's field, then import in the background
/// while the page polls the progress. Exports of the same layout are linked from here.
struct ImportPages {
    static let sessionKey = "import_upload"

    func form(req: Request) async throws -> Response {
        try await req.render(
            "import", title: "import.title", section: "import", ImportPageView.context(req, settings: nil))
    }

    /// multipart/form-data: `file`, `kind`, `preset`, `locale`.
    func upload(req: Request) async throws -> Response {
        let (file, form) = try await StreamedUpload.receiveForm(req)
        defer { file.remove() }
        try CSRFProtection.verify(form[CSRFProtection.fieldName], for: req)
        let settings: ImportSettings
        do {
            settings = try ImportSettings.parse(
                kind: form["kind"], preset: form["preset"], locale: form["locale"], currency: nil)
        } catch {
            throw ServiceError.invalid(error.field, error.message)
        }
        guard file.byteCount > 0 else { throw ServiceError.invalid("file", req.text("import.flash.empty")) }
        let context = try await req.serviceContext()
        let id = try await req.importUploads.save(
            try file.data(), settings: settings, fileName: file.fileName ?? "import.csv",
            organisationID: context.organisationID)
        req.session.data[Self.sessionKey] = id
        return req.redirect(to: AppURL.importPreview(id))
    }

    func preview(req: Request) async throws -> Response {
        let (id, upload) = try await uploaded(req)
        let started = try await status(req, id, upload) != nil
        var report: ImportReport?
        if !started {
            let context = try await req.serviceContext()
            report = try await ImportService.check(try await bytes(req, id), settings: upload.settings, in: context)
        }
        return try await req.render(
            "import-preview", title: "import.title", section: "import",
            ImportPageView.context(req, settings: upload.settings, preview: (id, upload, report, started)))
    }

    /// `map_<index>` per column: a field's name, or "" to ignore the column.
    func remap(req: Request) async throws -> Response {
        let (id, upload) = try await uploaded(req)
        let fields = try req.content.decode([String: String].self)
        var updated = upload
        for (name, value) in fields where name.hasPrefix("map_") {
            guard let header = fields["header_" + name.dropFirst(4)] else { continue }
            updated.settings.overrides[header] = ImportField(rawValue: value) == nil ? "" : value
        }
        try await req.importUploads.update(id, settings: updated.settings)
        return req.redirect(to: AppURL.importPreview(id))
    }

    func commit(req: Request) async throws -> Response {
        let (id, upload) = try await uploaded(req)
        // A second click, or a click on another instance, finds the import started or done.
        if let status = try await status(req, id, upload), status.state != .failed {
            return req.redirect(to: AppURL.importPreview(id))
        }
        let data = try await bytes(req, id)
        let app = req.application
        let context = try await ServiceContext.make(db: app.db, actor: try req.actor, app: app)
        let jobs = app.importJobs
        let uploads = ImportUploads(db: app.db, now: { app.clock.now() })
        // One import per organisation at a time (409 page otherwise), held until the task below ends.
        let runs = ImportRuns(db: app.db, now: uploads.now)
        let holder = UUID().uuidString
        try await runs.claim(context.organisationID, holder: holder)
        guard await jobs.start(id) else {
            await runs.release(context.organisationID, holder: holder)
            return req.redirect(to: AppURL.importPreview(id))
        }
        guard try await uploads.start(id) else {
            await runs.release(context.organisationID, holder: holder)
            await jobs.update(id, .init(state: .failed))
            return req.redirect(to: AppURL.importPreview(id))
        }
        let persistsProgress = try !Self.isSQLite(app.db)
        let sink = ImportProgressSink { phase, done, total in
            let status = ImportJobs.Status(state: phase == .checking ? .checking : .writing, done: done, total: total)
            Task {
                guard await jobs.update(id, status), persistsProgress else { return }
                try? await uploads.progress(id, status)
            }
        }
        let language = req.pageLanguage
        let localizer = app.localizer
        let logger = req.logger
        // The import outlives the request: a large file takes longer than a browser waits.
        Task {
            let finished: ImportJobs.Status
            do {
                let report = try await ImportService.commit(
                    data, settings: upload.settings, fileName: upload.fileName, in: context, progress: sink
                ) { tx, report in
                    try await ImportUploads(db: tx.db, now: uploads.now).finish(id, Self.done(report))
                }
                finished = Self.done(report)
            } catch let rejected as ImportRejected {
                finished = .init(
                    state: .failed,
                    message: localizer.text(
                        "ui.import.rejected", language: language,
                        arguments: ["count": String(rejected.report.errorCount)]))
            } catch {
                logger.error("import \(id) failed: \(String(reflecting: error))")
                finished = .init(state: .failed, message: localizer.text("ui.import.failed", language: language))
            }
            if finished.state == .failed { try? await uploads.finish(id, finished) }
            await jobs.update(id, finished)
            await runs.release(context.organisationID, holder: holder)
        }
        return req.redirect(to: AppURL.importPreview(id))
    }

    func progress(req: Request) async throws -> ImportJobs.Status {
        let (id, upload) = try await uploaded(req)
        guard let status = try await status(req, id, upload) else { throw Abort(.notFound) }
        return status
    }

    /// The API's CSV exports, for the signed-in person.
    func export(req: Request) async throws -> Response {
        let make: (ServiceContext) async throws -> String
        switch req.parameters.get("file") {
        case "customers.csv": make = CSVExports.customers
        case "invoices.csv": make = CSVExports.invoices
        case "payments.csv": make = CSVExports.payments
        case "aging.csv": make = CSVExports.aging
        default: throw Abort(.notFound)
        }
        return try await ImportController.csv(req, make)
    }

    /// The upload this session made; any other id is unknown.
    private func uploaded(_ req: Request) async throws -> (String, ImportUploads.Upload) {
        guard let id = req.parameters.get("uploadID"), req.session.data[Self.sessionKey] == id,
            let upload = try await req.importUploads.upload(id), upload.organisationID == (try req.actor).organisationID
        else {
            throw Abort(.notFound)
        }
        return (id, upload)
    }

    private func bytes(_ req: Request, _ id: String) async throws -> Data {
        guard let data = try await req.importUploads.data(id) else { throw Abort(.notFound) }
        return data
    }

    /// This instance's live progress, else what the database says (see `ImportJobs.resolve`).
    /// An interrupted import is recorded as failed, so the file can be imported again.
    private func status(_ req: Request, _ id: String, _ upload: ImportUploads.Upload) async throws -> ImportJobs.Status?
    {
        let status = ImportJobs.resolve(
            live: await req.application.importJobs.status(id), stored: upload,
            singleInstance: try Self.isSQLite(req.db),
            now: req.application.clock.now(), interrupted: req.text("import.interrupted"))
        if let status, status.state == .failed, upload.status?.isFinished == false {
            try await req.importUploads.finish(id, status)
        }
        return status
    }

    private static func done(_ report: ImportReport) -> ImportJobs.Status {
        .init(state: .done, done: report.summary.imported, total: report.summary.imported, created: report.created)
    }

    /// SQLite serves one instance (see README, Running in production).
    private static func isSQLite(_ db: any Database) throws -> Bool {
        try db.dialect.hasSingleWriter
    }
}

extension Request {
    var importUploads: ImportUploads {
        let clock = application.clock
        return ImportUploads(db: db, now: { clock.now() })
    }
}
