/// Reads CSV records one at a time from UTF-8 bytes, so a million-row import holds one record's
/// fields at a time, never the file as an array of strings. Works on bytes rather than Characters:
/// grapheme breaking is what made a character loop slow, and every byte CSV cares about is ASCII
/// (a UTF-8 continuation byte is never mistaken for a quote, delimiter or line break).
///
/// Line breaks are LF, CRLF or a lone CR. A quoted field left open at the end of the input ends the
/// iteration and sets `unclosedQuoteLine`.
struct CSVRecordReader<Bytes: Collection>: IteratorProtocol where Bytes.Element == UInt8 {
    private let bytes: Bytes
    private let delimiter: UInt8
    private var index: Bytes.Index
    private var line = 1
    private var field: [UInt8] = []
    /// The line a never-closed quoted field opened on.
    private(set) var unclosedQuoteLine: Int?

    private static var quote: UInt8 { 0x22 }
    private static var lineFeed: UInt8 { 0x0A }
    private static var carriageReturn: UInt8 { 0x0D }

    init(_ bytes: Bytes, delimiter: UInt8) {
        self.bytes = bytes
        self.delimiter = delimiter
        index = bytes.startIndex
        // Excel's UTF-8 byte order mark.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = bytes.index(index, offsetBy: 3) }
    }

    /// The line the next record starts on.
    var nextLine: Int { line }

    mutating func next() -> CSVRecords.Record? {
        guard unclosedQuoteLine == nil, index < bytes.endIndex else { return nil }
        let recordLine = line
        var fields: [String] = []
        var inQuotes = false, atFieldStart = true
        var quoteLine = line
        field.removeAll(keepingCapacity: true)

        while index < bytes.endIndex {
            let byte = bytes[index]
            bytes.formIndex(after: &index)
            if inQuotes {
                if byte == Self.quote {
                    if index < bytes.endIndex, bytes[index] == Self.quote { field.append(byte); bytes.formIndex(after: &index) } else { inQuotes = false }
                } else {
                    if byte == Self.lineFeed || (byte == Self.carriageReturn && !nextIs(Self.lineFeed)) { line += 1 }
                    field.append(byte)
                }
                continue
            }
            if byte == Self.quote && atFieldStart {
                inQuotes = true
                atFieldStart = false
                quoteLine = line
            } else if byte == delimiter {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                atFieldStart = true
            } else if byte == Self.lineFeed || byte == Self.carriageReturn {
                if byte == Self.carriageReturn, nextIs(Self.lineFeed) { bytes.formIndex(after: &index) }
                line += 1
                fields.append(String(decoding: field, as: UTF8.self))
                return CSVRecords.Record(line: recordLine, fields: fields)
            } else {
                // Text after a closing quote or a quote inside an unquoted field is kept as written:
                // exports get this wrong often enough that refusing the file helps nobody.
                field.append(byte)
                atFieldStart = false
            }
        }
        if inQuotes {
            unclosedQuoteLine = quoteLine
            return nil
        }
        guard !fields.isEmpty || !field.isEmpty else { return nil }
        fields.append(String(decoding: field, as: UTF8.self))
        return CSVRecords.Record(line: recordLine, fields: fields)
    }

    private func nextIs(_ byte: UInt8) -> Bool { index < bytes.endIndex && bytes[index] == byte }
}
