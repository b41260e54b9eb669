import CarteraCore
import Foundation

/// What the import pages show: the upload form's choices, and for an uploaded file the columns
/// with the field each feeds, the dry run's counts and its first row errors.
struct ImportPageContext: Encodable {
    typealias Option = SelectOption
    struct Column: Encodable {
        let index: Int
        let header: String
        let options: [Option]
    }
    struct RowError: Encodable {
        let line: Int
        let column: String
        let message: String
    }

    let kinds: [Option]
    let presets: [Option]
    let locales: [Option]
    var preview: Preview?
    let links = Links()

    /// The upload form (also the way back from a preview) and the CSV exports.
    struct Links: Encodable {
        let upload = AppURL.imports
        let customersCSV = AppURL.export("customers.csv"), invoicesCSV = AppURL.export("invoices.csv")
        let paymentsCSV = AppURL.export("payments.csv"), agingCSV = AppURL.export("aging.csv")
    }

    struct PreviewLinks: Encodable {
        let progress: String, mapping: String, commit: String
        init(_ id: String) {
            (progress, mapping, commit) = (AppURL.importProgress(id), AppURL.importMapping(id), AppURL.importCommit(id))
        }
    }

    struct Preview: Encodable {
        let id: String
        let fileName: String
        let kind: String
        let encoding: String
        let delimiter: String
        let columns: [Column]
        let rows: Int
        let valid: Int
        let skipped: Int
        let errorCount: Int
        let errors: [RowError]
        /// "Showing the first 200 of 1,234 errors".
        let errorsNote: String
        let summary: String
        let clean: Bool
        /// Set once the import was started: the page polls its progress.
        let started: Bool
        let links: PreviewLinks
    }

    /// Errors listed on the page; the rest are counted (the CLI and the API list them all).
    static let shownErrors = 200
}
