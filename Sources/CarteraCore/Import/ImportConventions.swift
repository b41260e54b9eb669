/// The decimal mark and day/month order a file is read with, and where each came from.
public struct ImportConventions: Equatable, Sendable {
    public enum Source: String, Codable, Sendable {
        /// `ImportOptions` forced it.
        case forced
        /// A value in the file showed it.
        case file
        /// `ImportOptions.locale`.
        case locale
        /// The mapping preset's hint.
        case preset
        /// Nothing did: values that need it are reported ambiguous.
        case undetermined
    }

    public var decimalMark: CSVStatementLayout.DecimalMark?
    public var decimalSource: Source
    public var dateOrder: CSVStatementLayout.DateFormat?
    public var dateSource: Source

    /// Settles both from the options, then the file's values (read until both are known), then the
    /// locale, then the preset.
    static func settle(
        options: ImportOptions, mapping: ColumnMapping, header: ImportHeader,
        records: some IteratorProtocol<CSVRecords.Record>
    ) -> ImportConventions {
        var decimal: (CSVStatementLayout.DecimalMark, Source)? = options.decimalMark.map { ($0, .forced) }
        var order: (CSVStatementLayout.DateFormat, Source)? = options.dateOrder.map { ($0, .forced) }
        let amountColumns = header.columns.filter { $0.field?.isAmount == true }.map(\.index)
        let dateColumns = header.columns.filter {
            $0.field == .issueDate || $0.field == .dueDate || $0.field == .paidDate
        }.map(\.index)
        var records = records
        while decimal == nil || order == nil, let record = records.next() {
            if decimal == nil,
                let mark = amountColumns.lazy.compactMap({
                    record.fields.indices.contains($0) ? ImportAmount.evidence(record.fields[$0]) : nil
                }).first
            {
                decimal = (mark, .file)
            }
            if order == nil,
                let found = dateColumns.lazy.compactMap({
                    record.fields.indices.contains($0) ? DateText.evidence(record.fields[$0]) : nil
                }).first
            {
                order = (found, .file)
            }
        }
        decimal =
            decimal ?? options.locale.map { ($0.decimalMark, .locale) } ?? mapping.decimalMark.map { ($0, .preset) }
        order = order ?? options.locale.map { ($0.dateOrder, .locale) } ?? mapping.dateOrder.map { ($0, .preset) }
        return ImportConventions(
            decimalMark: decimal?.0, decimalSource: decimal?.1 ?? .undetermined,
            dateOrder: order?.0, dateSource: order?.1 ?? .undetermined)
    }
}
