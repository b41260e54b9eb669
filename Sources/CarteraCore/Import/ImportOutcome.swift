/// A row read into its kind's type.
public enum ImportedRecord: Hashable, Sendable {
    case customer(ImportedCustomer)
    case contact(ImportedContact)
    case invoice(ImportedInvoice)
    case payment(ImportedPayment)
}

/// A row that is not data and was left out on purpose; listed so a user can check nothing real was.
public struct ImportSkippedRow: Hashable, Sendable {
    public enum Reason: Hashable, Sendable {
        /// A row naming the customer of the rows below it (reports grouped by customer).
        case groupHeading(String)
        /// Totals, subtotals, ageing-bucket headings, footers: no cell outside the amount columns,
        /// apart from a "Total …" label.
        case summary
        /// A payment, credit memo or journal entry listed in an invoices report.
        case transactionType(String)
    }

    public let line: Int
    public let reason: Reason
}

/// What one record of the file came to.
public enum ImportOutcome: Hashable, Sendable {
    case record(ImportedRecord)
    case rejected([ImportRowError])
    case skipped(ImportSkippedRow)
}

/// The counts and settings a dry run shows before anything is written.
public struct ImportSummary: Equatable, Sendable {
    public let kind: ImportKind
    public let encoding: TextEncoding
    public let delimiter: Character
    /// nil when no header was found.
    public let headerLine: Int?
    public let columns: [ImportColumn]
    public let conventions: ImportConventions
    /// Non-blank records after the header.
    public var rows = 0
    public var imported = 0
    /// Rows with at least one error.
    public var rejected = 0
    public var skipped = 0
    /// Every error, file-level ones included.
    public var errors = 0

    /// Headers of the columns no field reads, for the mapping screen.
    public var ignoredColumns: [String] { columns.filter { $0.field == nil && !$0.header.isEmpty }.map(\.header) }
}
