import CarteraCore
import Vapor

/// CSV import (`POST /imports`, the file as the raw body) and CSV exports in the generic layout.
/// The body is streamed to a temporary file (`StreamedUpload`, limit `CARTERA_UPLOAD_LIMIT_MB`,
/// 413 past it); one import per organisation runs at a time (`ImportRuns`, 409 otherwise).
struct ImportController {
    /// `kind`, `preset`, `locale`, `currency`, `dry_run` and `file_name` in the query. A dry run answers
    /// 200 with the report; an import 201, or 422 `import_rejected` with every row error and nothing written.
    func importFile(req: Request) async throws -> Response {
        let settings: ImportSettings
        do {
            settings = try ImportSettings.parse(
                kind: try? req.query.get(String.self, at: "kind"),
                preset: try? req.query.get(String.self, at: "preset"),
                locale: try? req.query.get(String.self, at: "locale"),
                currency: try? req.query.get(String.self, at: "currency"))
        } catch {
            throw ServiceError.invalid(error.field, error.message)
        }
        let dryRun = (try? req.query.get(Bool.self, at: "dry_run")) ?? false
        let context = try await req.serviceContext()
        let language = req.preferredLanguage
        let runs = ImportRuns(db: req.db, now: { [clock = req.application.clock] in clock.now() })
        do {
            // The slot is taken before the body is read: a second upload is refused at once, not after
            // sending 50 MB. Dry runs count too: they read the whole file and the database.
            return try await runs.exclusive(context.organisationID) {
                let upload = try await StreamedUpload.receive(req)
                defer { upload.remove() }
                guard upload.byteCount > 0 else {
                    throw APIError(.badRequest, code: "missing_body", message: "Send the CSV file as the request body")
                }
                let data = try upload.data()
                if dryRun {
                    let report = try await ImportService.check(data, settings: settings, in: context)
                    return try await ImportReportDTO(report, localizer: req.application.localizer, language: language)
                        .encodeResponse(status: .ok, for: req)
                }
                let report = try await ImportService.commit(
                    data, settings: settings, fileName: (try? req.query.get(String.self, at: "file_name")) ?? "api",
                    in: context)
                return try await ImportReportDTO(report, localizer: req.application.localizer, language: language)
                    .encodeResponse(status: .created, for: req)
            }
        } catch let rejected as ImportRejected {
            let report = ImportReportDTO(rejected.report, localizer: req.application.localizer, language: language)
            let message =
                req.application.localizer.text(
                    "import.rejected", language: language, arguments: ["count": String(rejected.report.errorCount)])
                ?? "The file has \(rejected.report.errorCount) row error(s); nothing was imported"
            return try await ImportRejectedDTO(
                error: .init(code: ImportRejectedDTO.code, message: message, errors: report.errors), report: report
            )
            .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    static func csv(_ req: Request, _ make: (ServiceContext) async throws -> String) async throws -> Response {
        let text = try await make(try await req.serviceContext())
        let name = req.url.path.split(separator: "/").last.map(String.init) ?? "export.csv"
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
