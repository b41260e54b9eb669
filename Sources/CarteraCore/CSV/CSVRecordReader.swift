/// Reads CSV records one at a time from UTF-8 bytes, so a million-row import holds one record's
/// fields at a time, never the file as an array of strings. Works on bytes rather than Characters:
/// grapheme breaking is what made a character loop slow, and every byte CSV cares about is ASCII
/// (a UTF-8 continuation byte is never mistaken for a quote, delimiter or line break).
///
/// Line breaks are LF, CRLF or a lone CR. A quoted field left open at the end of the input ends the
/// iteration and sets `unclosedQuoteLine`; a record past `CSVLimits` ends it and sets `exceeded`.
struct CSVRecordReader<Bytes: Collection>: IteratorProtocol where Bytes.Element == UInt8 {
    private let bytes: Bytes
    private let delimiter: UInt8
    private let limits: CSVLimits
    private var index: Bytes.Index
    private var line = 1
    private var field: [UInt8] = []
    /// The line a never-closed quoted field opened on.
    private(set) var unclosedQuoteLine: Int?
    /// The record that broke a limit, and which; nothing after it is read.
    private(set) var exceeded: CSVLimits.Exceeded?

    private static var quote: UInt8 { 0x22 }
    private static var lineFeed: UInt8 { 0x0A }
    private static var carriageReturn: UInt8 { 0x0D }

    init(_ bytes: Bytes, delimiter: UInt8, limits: CSVLimits = .standard) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.limits = limits
        index = bytes.startIndex
        // Excel's UTF-8 byte order mark.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = bytes.index(index, offsetBy: 3) }
    }

    /// The line the next record starts on.
    var nextLine: Int { line }

    mutating func next() -> CSVRecords.Record? {
        guard unclosedQuoteLine == nil, exceeded == nil, index < bytes.endIndex else { return nil }
        let recordLine = line
        var fields: [String] = []
        var inQuotes = false
        var atFieldStart = true
        var quoteLine = line
        var recordBytes = 0
        field.removeAll(keepingCapacity: true)

        while index < bytes.endIndex {
            let byte = bytes[index]
            bytes.formIndex(after: &index)
            // Checked per byte, so a 200 MB "field" (a quote never closed, a file of one line) stops
            // at the limit instead of growing in memory first.
            recordBytes &+= 1
            if field.count >= limits.maximumFieldBytes || recordBytes > limits.maximumRecordBytes {
                exceeded = .init(
                    line: recordLine, limit: field.count >= limits.maximumFieldBytes ? .fieldBytes : .recordBytes)
                return nil
            }
            if inQuotes {
                if byte == Self.quote {
                    if index < bytes.endIndex, bytes[index] == Self.quote {
                        field.append(byte)
                        bytes.formIndex(after: &index)
                    } else {
                        inQuotes = false
                    }
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
                guard fields.count < limits.maximumFields - 1 else {
                    exceeded = .init(line: recordLine, limit: .fields)
                    return nil
                }
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

/// How large one CSV record may be. Real exports (bank statements, accounting reports) have lines
/// of a few hundred bytes and a few dozen columns; these bounds leave a wide margin and keep a
/// hostile or broken file from holding gigabytes in one record.
struct CSVLimits: Sendable {
    /// One cell: 64 KiB (a long description is a few hundred bytes).
    var maximumFieldBytes = 64 * 1024
    /// One record, every cell and delimiter together, line breaks inside quotes included: 1 MiB.
    var maximumRecordBytes = 1024 * 1024
    /// Cells per record.
    var maximumFields = 1_000

    static let standard = CSVLimits()

    enum Limit: Sendable, Equatable { case fieldBytes, recordBytes, fields }

    struct Exceeded: Sendable, Equatable {
        let line: Int
        let limit: Limit
    }

    /// English, for bank statements and logs; imports translate `ImportErrorCode.recordTooLarge`.
    func describe(_ limit: Limit) -> String {
        switch limit {
        case .fieldBytes: "a field is longer than \(maximumFieldBytes / 1024) KiB: is the delimiter or a quote wrong?"
        case .recordBytes: "the row is longer than \(maximumRecordBytes / 1024 / 1024) MiB: is a quote never closed?"
        case .fields: "the row has more than \(maximumFields) columns"
        }
    }
}
