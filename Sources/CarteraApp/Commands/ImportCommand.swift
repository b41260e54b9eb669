import CarteraCore
import Foundation
import Vapor

/// `cartera import FILE --kind customers|contacts|invoices|payments [--preset generic|quickbooks|xero]
/// [--locale es|en] [--currency COP] [--dry-run] [--organisation ID]`: imports a CSV all or nothing.
/// Shows a progress line on large files; on any row error lists every bad row and imports nothing.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "The CSV file")
        var file: String
        @Option(name: "kind", help: "customers, contacts, invoices or payments")
        var kind: String?
        @Option(name: "preset", help: "automatic (default), generic (Cartera's export), quickbooks or xero")
        var preset: String?
        @Option(
            name: "locale",
            help: "es (1.234,56 and 31/12/2026) or en (1,234.56 and 12/31/2026), when the file does not show it")
        var locale: String?
        @Option(name: "currency", help: "Currency of rows that name none (default: the organisation's)")
        var currency: String?
        @Flag(name: "dry-run", help: "Check the file and report, without importing")
        var dryRun: Bool
        @Option(name: "organisation", help: "Organisation id, when there is more than one")
        var organisation: String?
    }

    var help: String { "Imports customers, contacts, invoices or payments from CSV (all or nothing)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let settings: ImportSettings
        do {
            settings = try ImportSettings.parse(
                kind: signature.kind, preset: signature.preset, locale: signature.locale, currency: signature.currency)
        } catch {
            throw CommandArgumentError(field: "--\(error.field)", message: error.message)
        }
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw CommandArgumentError(field: "file", message: "cannot read \(signature.file)")
        }
        let service = try await context.serviceContext(organisation: signature.organisation)
        let language = service.organisation.language
        let console = context.console
        let progress = ImportProgressSink { phase, done, total in
            let text = total > 0 ? "\(phase.rawValue) \(done) / \(total) rows" : "\(phase.rawValue) \(done) rows"
            console.output("\r\(text)".consoleText(), newLine: false)
        }
        let report: ImportReport
        do {
            report =
                signature.dryRun
                ? try await ImportService.check(data, settings: settings, in: service, progress: progress)
                : try await ImportService.commit(
                    data, settings: settings, fileName: URL(fileURLWithPath: signature.file).lastPathComponent,
                    in: service, progress: progress)
        } catch let rejected as ImportRejected {
            print(rejected.report, to: console, language: language, app: context.application)
            throw CommandArgumentError(
                field: "file", message: "\(rejected.report.errorCount) row error(s); nothing was imported")
        }
        print(report, to: console, language: language, app: context.application)
        if signature.dryRun, !report.isClean {
            throw CommandArgumentError(
                field: "file", message: "\(report.errorCount) row error(s); fix them before importing")
        }
    }

    private func print(_ report: ImportReport, to console: any Console, language: String, app: Application) {
        console.output("\r".consoleText(), newLine: false)
        console.info(ImportReportText.summary(report))
        for problem in report.problems {
            console.output(problem.describe(app.localizer, language: language).consoleText())
        }
        if report.errorCount > report.problems.count {
            console.output("… and \(report.errorCount - report.problems.count) more".consoleText())
        }
    }
}
