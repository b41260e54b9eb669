import CarteraCore
import Vapor

/// An import's report on the wire: how the file was read, the counts, and every row error with
/// its message in the caller's language.
struct ImportReportDTO: Content {
    struct Column: Content {
        let index: Int
        let header: String
        let field: String?
    }
    struct RowError: Content {
        let line: Int
        let column: String?
        let field: String?
        let code: String
        let message: String
    }

    let kind: String
    let dryRun: Bool
    let encoding: String
    let delimiter: String
    let headerLine: Int?
    let columns: [Column]
    let ignoredColumns: [String]
    let rows: Int
    let valid: Int
    let rejected: Int
    let skipped: Int
    let errorCount: Int
    let created: ImportCounts
    let errors: [RowError]

    init(_ report: ImportReport, localizer: Localizer, language: String) {
        let summary = report.summary
        kind = report.kind.rawValue
        dryRun = report.dryRun
        encoding = summary.encoding.rawValue
        delimiter = String(summary.delimiter)
        headerLine = summary.headerLine
        columns = summary.columns.map { Column(index: $0.index, header: $0.header, field: $0.field?.rawValue) }
        ignoredColumns = summary.ignoredColumns
        rows = summary.rows
        valid = summary.imported
        rejected = summary.rejected
        skipped = summary.skipped
        errorCount = report.errorCount
        created = report.created
        errors = report.problems.map {
            RowError(
                line: $0.line, column: $0.column, field: $0.field, code: $0.code,
                message: $0.message(localizer, language: language))
        }
    }
}

/// The 422 answer to a file with row errors: the usual error object, the row errors, the report.
struct ImportRejectedDTO: Content {
    /// The error code of a file refused for its row errors.
    static let code = "import_rejected"
    struct Detail: Content {
        let code: String
        let message: String
        let errors: [ImportReportDTO.RowError]
    }
    let error: Detail
    let report: ImportReportDTO
}
