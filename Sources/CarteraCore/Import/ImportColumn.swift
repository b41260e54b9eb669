/// A column of the file's header and the field it feeds; nil when ignored (unknown, mapped to
/// nothing, or a second column for a field an earlier column already feeds).
public struct ImportColumn: Hashable, Codable, Sendable {
    public let index: Int
    public let header: String
    public let field: ImportField?
}

/// The header row resolved against a mapping for one kind of record.
struct ImportHeader {
    let line: Int
    let columns: [ImportColumn]
    let indices: [ImportField: Int]

    init(_ record: CSVRecords.Record, kind: ImportKind, mapping: ColumnMapping, recognised: [String: ImportField]) {
        line = record.line
        var indices: [ImportField: Int] = [:]
        columns = record.fields.enumerated().map { index, raw in
            let header = StatementText.trim(raw)
            let name = ImportHeaders.normalised(header)
            var field = mapping.assignments[name] ?? (mapping.recognizesHeaders ? recognised[name] : nil)
            if let chosen = field, !kind.fields.contains(chosen) || indices[chosen] != nil { field = nil }
            if let field { indices[field] = index }
            return ImportColumn(index: index, header: header, field: field)
        }
        self.indices = indices
    }

    var fieldCount: Int { columns.count }

    /// For each required group without a column, its first field. A customer can come from group
    /// headings instead of a column.
    func missing(_ kind: ImportKind, customerFromHeadings: Bool) -> [ImportField] {
        kind.requiredColumns.compactMap { group in
            if customerFromHeadings && group.contains(.customerName) { return nil }
            return group.contains(where: { indices[$0] != nil }) ? nil : group[0]
        }
    }

    func field(at index: Int) -> ImportField? { index < columns.count ? columns[index].field : nil }
    func header(of field: ImportField) -> String? { indices[field].map { columns[$0].header } }
}
