/// Entry point of the CSV import. The app reads an upload into bytes and calls `read` for a dry run
/// (every error, every skipped row, the counts; nothing is written) and again to import the rows, or
/// iterates an `ImportReader` itself to insert in batches without holding every row.
public enum CSVImport {
    public static func read<Bytes: Collection>(
        _ bytes: Bytes, kind: ImportKind, mapping: ColumnMapping = .automatic,
        options: ImportOptions, keepingRows: Bool = true
    ) -> ImportResult where Bytes.Element == UInt8 {
        var reader = ImportReader(bytes: bytes, kind: kind, mapping: mapping, options: options)
        var result = ImportResult(summary: reader.summary, errors: reader.fileErrors)
        while let outcome = reader.next() {
            switch outcome {
            case .record(let record) where keepingRows: result.append(record)
            case .record: break
            case .rejected(let errors): result.errors += errors
            case .skipped(let row): result.skipped.append(row)
            }
        }
        result.summary = reader.summary
        return result
    }
}

/// Everything a file held: the rows of its kind that passed (only that kind's array fills), every
/// error in line order, the rows left out on purpose, and the counts.
public struct ImportResult: Sendable {
    public var summary: ImportSummary
    public var errors: [ImportRowError]
    public var skipped: [ImportSkippedRow] = []
    public var customers: [ImportedCustomer] = []
    public var contacts: [ImportedContact] = []
    public var invoices: [ImportedInvoice] = []
    public var payments: [ImportedPayment] = []

    init(summary: ImportSummary, errors: [ImportRowError]) {
        self.summary = summary
        self.errors = errors
    }

    /// Nothing to fix: the file can be imported as a whole.
    public var isClean: Bool { errors.isEmpty }

    mutating func append(_ record: ImportedRecord) {
        switch record {
        case .customer(let row): customers.append(row)
        case .contact(let row): contacts.append(row)
        case .invoice(let row): invoices.append(row)
        case .payment(let row): payments.append(row)
        }
    }
}
