/// Splits CSV text into records per RFC 4180: quoted fields may hold the delimiter, line breaks
/// and doubled quotes (""). Each record remembers the 1-based line it starts on, so errors can
/// point at the line a user sees in a text editor even when an earlier field spanned lines.
enum CSVRecords {
    struct Record {
        let line: Int
        let fields: [String]

        var isBlank: Bool { fields.allSatisfy { StatementText.trim($0).isEmpty } }
    }

    /// The whole text at once, for bank statements (small files). Imports stream with `CSVRecordReader`.
    static func read(_ text: String, delimiter: Character) throws -> [Record] {
        guard let byte = delimiter.asciiValue, delimiter.unicodeScalars.count == 1 else {
            throw StatementFormatError(
                line: 1, field: "CSV", message: "the delimiter must be one ASCII character, got \"\(delimiter)\"")
        }
        var reader = CSVRecordReader(text.utf8, delimiter: byte)
        var records: [Record] = []
        while let record = reader.next() { records.append(record) }
        if let exceeded = reader.exceeded {
            throw StatementFormatError(
                line: exceeded.line, field: "CSV", message: CSVLimits.standard.describe(exceeded.limit))
        }
        if let unclosed = reader.unclosedQuoteLine {
            throw StatementFormatError(
                line: unclosed, field: "CSV", message: "a quoted field opened on this line is never closed")
        }
        return records
    }
}
