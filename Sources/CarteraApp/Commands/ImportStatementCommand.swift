import Foundation
import Vapor

/// `cartera import-statement FILE --format camt053|mt940|csv [--preset generic|spanish-bank] [--account ID]`:
/// imports a bank statement, posts the payments it can match and leaves the rest for review.
struct ImportStatementCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "The statement file")
        var file: String
        @Option(name: "format", help: "camt053, mt940 or csv")
        var format: String?
        @Option(name: "preset", help: "CSV layout: generic (default) or spanish-bank")
        var preset: String?
        @Option(name: "account", help: "Account the CSV belongs to")
        var account: String?
        @Option(name: "organisation", help: "Organisation id, when there is more than one")
        var organisation: String?
    }

    var help: String { "Imports a bank statement (camt.053, MT940, CSV) and reconciles its payments." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let format = StatementFormat(rawValue: signature.format ?? Self.guessFormat(signature.file)) else {
            throw CommandArgumentError(field: "--format", message: "must be camt053, mt940 or csv")
        }
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw CommandArgumentError(field: "file", message: "cannot read \(signature.file)")
        }
        let app = context.application
        let organisation = try await OrganisationSetup.resolve(
            id: signature.organisation, creating: .init(), on: app.db)
        let service = try await ServiceContext.make(
            db: app.db, actor: Actor(organisationID: try organisation.requireID(), name: "cli:import-statement"),
            app: app)
        do {
            let report = try await Reconciliation.importStatement(
                data, format: format, csvPreset: signature.preset, account: signature.account,
                fileName: URL(fileURLWithPath: signature.file).lastPathComponent, in: service)
            context.console.info(
                "\(report.lines) line(s): \(report.matched) matched and posted, \(report.review) to review, \(report.ignored) ignored (debits), \(report.duplicates) already imported"
            )
        } catch let error as ServiceError {
            throw CommandArgumentError(field: error.field ?? "file", message: error.message)
        }
    }

    static func guessFormat(_ path: String) -> String {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "xml": "camt053"
        case "sta", "mt940", "940": "mt940"
        default: "csv"
        }
    }
}
