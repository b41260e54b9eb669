/// Reads an import file one record at a time: decodes it, finds its delimiter and its header (below
/// any title lines), settles its decimal mark and date order, then yields each record's outcome.
/// Memory stays at the file's bytes plus the set of invoice numbers (or customer codes) seen, for
/// the duplicate check, whatever the row count. `CSVImport` collects the outcomes.
public struct ImportReader: IteratorProtocol, Sequence {
    public let kind: ImportKind
    /// Problems with the file as a whole: empty, no header, required columns missing, a quote never
    /// closed before the header. When there are any, no row is read.
    public let fileErrors: [ImportRowError]
    /// Grows as rows are read; complete once `next()` has returned nil.
    public private(set) var summary: ImportSummary

    private let header: ImportHeader?
    private let customerFromHeadings: Bool
    private let defaultCurrency: Currency
    private var records: CSVRecordReader<[UInt8]>
    private var firstLines: [String: Int] = [:]
    private var groupCustomer: String?
    private var finished = false

    public init<Bytes: Collection>(
        bytes: Bytes, kind: ImportKind, mapping: ColumnMapping = .automatic, options: ImportOptions
    )
    where Bytes.Element == UInt8 {
        let (text, encoding) = TextDecoding.utf8(bytes)
        let delimiter = options.delimiter?.asciiValue ?? DelimiterDetection.detect(text)
        let (header, fileErrors) = Self.findHeader(text, delimiter: delimiter, kind: kind, mapping: mapping)
        var afterHeader = CSVRecordReader(text, delimiter: delimiter)
        if let header { while let record = afterHeader.next(), record.line < header.line {} }
        // A copy of the reader scans ahead for the conventions; `afterHeader` itself stays put.
        let conventions =
            header.flatMap {
                fileErrors.isEmpty
                    ? ImportConventions.settle(options: options, mapping: mapping, header: $0, records: afterHeader)
                    : nil
            }
            ?? ImportConventions(
                decimalMark: nil, decimalSource: .undetermined, dateOrder: nil, dateSource: .undetermined)
        self.kind = kind
        self.header = fileErrors.isEmpty ? header : nil
        self.fileErrors = fileErrors
        customerFromHeadings =
            mapping.customerFromGroupHeadings && header?.indices[.customerCode] == nil
            && header?.indices[.customerName] == nil
        defaultCurrency = options.defaultCurrency
        records = afterHeader
        summary = ImportSummary(
            kind: kind, encoding: encoding, delimiter: Character(Unicode.Scalar(delimiter)), headerLine: header?.line,
            columns: header?.columns ?? [], conventions: conventions, errors: fileErrors.count)
    }

    public mutating func next() -> ImportOutcome? {
        guard let header, !finished else { return nil }
        while let record = records.next() {
            guard let outcome = classify(record, header: header) else { continue }
            summary.rows += 1
            switch outcome {
            case .record: summary.imported += 1
            case .rejected(let errors):
                summary.rejected += 1
                summary.errors += errors.count
            case .skipped: summary.skipped += 1
            }
            return outcome
        }
        finished = true
        let error: ImportRowError
        if let exceeded = records.exceeded {
            error = Self.error(exceeded)
        } else if let line = records.unclosedQuoteLine {
            error = ImportRowError(line: line, code: .unclosedQuote)
        } else {
            return nil
        }
        summary.rejected += 1
        summary.errors += 1
        return .rejected([error])
    }

    private static func error(_ exceeded: CSVLimits.Exceeded) -> ImportRowError {
        let limits = CSVLimits.standard
        return switch exceeded.limit {
        case .fieldBytes:
            ImportRowError(line: exceeded.line, code: .fieldTooLong(maximumKiB: limits.maximumFieldBytes / 1024))
        case .recordBytes:
            ImportRowError(line: exceeded.line, code: .rowTooLong(maximumMiB: limits.maximumRecordBytes / 1024 / 1024))
        case .fields: ImportRowError(line: exceeded.line, code: .tooManyFields(maximum: limits.maximumFields))
        }
    }

    /// The first of the 50 first records with the most recognised columns, if it has two or one that
    /// meets every requirement. Title lines above it are passed over.
    private static func findHeader(_ text: [UInt8], delimiter: UInt8, kind: ImportKind, mapping: ColumnMapping) -> (
        ImportHeader?, [ImportRowError]
    ) {
        var reader = CSVRecordReader(text, delimiter: delimiter)
        let recognised = ImportHeaders.recognised(for: kind)
        var best: ImportHeader?
        var candidates = 0
        while candidates < 50, let record = reader.next() {
            guard !record.isBlank else { continue }
            candidates += 1
            let header = ImportHeader(record, kind: kind, mapping: mapping, recognised: recognised)
            if header.indices.count > best?.indices.count ?? 0 { best = header }
        }
        if let exceeded = reader.exceeded, best.map({ exceeded.line < $0.line }) ?? true {
            return (nil, [error(exceeded)])
        }
        if let line = reader.unclosedQuoteLine, best.map({ line < $0.line }) ?? true {
            return (nil, [ImportRowError(line: line, code: .unclosedQuote)])
        }
        guard candidates > 0 else { return (nil, [ImportRowError(line: 1, code: .emptyFile)]) }
        guard let best else { return (nil, [ImportRowError(line: 1, code: .headerNotFound)]) }
        let missing = best.missing(kind, customerFromHeadings: mapping.customerFromGroupHeadings)
        guard best.indices.count >= 2 || missing.isEmpty else {
            return (nil, [ImportRowError(line: 1, code: .headerNotFound)])
        }
        return (best, missing.map { ImportRowError(line: best.line, field: $0, code: .missingColumn($0)) })
    }

    private mutating func classify(_ record: CSVRecords.Record, header: ImportHeader) -> ImportOutcome? {
        let filled = record.fields.indices.filter { !StatementText.trim(record.fields[$0]).isEmpty }
        guard let label = filled.first else { return nil }
        let labelText = StatementText.trim(record.fields[label])
        let isTotal = Self.isTotal(labelText) && header.field(at: label)?.isCustomer != true
        if customerFromHeadings, filled.count == 1, !isTotal, label == 0 || header.field(at: label) == nil {
            groupCustomer = labelText
            return .skipped(ImportSkippedRow(line: record.line, reason: .groupHeading(labelText)))
        }
        if filled.dropFirst(isTotal ? 1 : 0).allSatisfy({ header.field(at: $0)?.isAmount ?? true }) {
            return .skipped(ImportSkippedRow(line: record.line, reason: .summary))
        }
        if record.fields.count != header.fieldCount,
            record.fields.count < header.fieldCount || filled.last! >= header.fieldCount
        {
            let error = ImportRowError(
                line: record.line, code: .wrongFieldCount(expected: header.fieldCount, found: record.fields.count))
            return .rejected([error])
        }
        var row = ImportRow(
            record, header: header, conventions: summary.conventions, defaultCurrency: defaultCurrency,
            groupCustomer: groupCustomer)
        row.refuseControlCharacters()
        if kind == .invoices, let type = row.text(.transactionType),
            !Self.invoiceTypes.contains(ImportHeaders.normalised(type))
        {
            return .skipped(ImportSkippedRow(line: record.line, reason: .transactionType(type)))
        }
        let imported: ImportedRecord? =
            switch kind {
            case .customers: ImportedCustomer.read(&row).map(ImportedRecord.customer)
            case .contacts: ImportedContact.read(&row).map(ImportedRecord.contact)
            case .invoices: ImportedInvoice.read(&row).map(ImportedRecord.invoice)
            case .payments: ImportedPayment.read(&row).map(ImportedRecord.payment)
            }
        if let field = kind.uniqueField, let value = row.text(field) {
            if let first = firstLines[value] {
                row.fail(
                    field,
                    field == .invoiceNumber
                        ? .duplicateInvoiceNumber(firstLine: first) : .duplicateCustomerCode(firstLine: first))
            } else {
                firstLines[value] = record.line
            }
        }
        guard row.errors.isEmpty, let imported else { return .rejected(row.errors) }
        return .record(imported)
    }

    /// "Total", "Total for 1 - 30 days past due", "TOTAL Acme", "Totales", "Subtotal", "Grand total".
    private static func isTotal(_ text: String) -> Bool {
        // Cheap test first: this runs on every row, and folding accents is not cheap.
        guard let initial = text.utf8.first,
            [UInt8(ascii: "t"), UInt8(ascii: "s"), UInt8(ascii: "g")].contains(initial | 0x20)
        else { return false }
        let first = ImportHeaders.normalised(text).split(separator: " ").first ?? ""
        return ["total", "totales", "subtotal", "grand"].contains(first)
    }

    /// Transaction types that are invoices; an empty type counts as one.
    private static let invoiceTypes: Set<String> = [
        "invoice", "tax invoice", "sales invoice", "factura", "factura de venta",
        "factura venta", "factura electronica", "fv",
    ]
}
