/// Splits CSV text into records per RFC 4180: quoted fields may hold the delimiter, line breaks
/// and doubled quotes (""). Each record remembers the 1-based line it starts on, so errors can
/// point at the line a user sees in a text editor even when an earlier field spanned lines.
enum CSVRecords {
    struct Record {
        let line: Int
        let fields: [String]

        var isBlank: Bool { fields.allSatisfy { StatementText.trim($0).isEmpty } }
    }

    static func read(_ text: String, delimiter: Character) throws -> [Record] {
        var characters = Array(text)
        if characters.first == "\u{FEFF}" { characters.removeFirst() } // Excel's UTF-8 byte order mark
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1, recordLine = 1, quoteLine = 1
        var inQuotes = false, atFieldStart = true
        var index = 0

        func endRecord() {
            fields.append(field)
            records.append(Record(line: recordLine, fields: fields))
            fields = []
            field = ""
        }

        while index < characters.count {
            let character = characters[index]
            index += 1
            if inQuotes {
                if character == "\"" {
                    if index < characters.count, characters[index] == "\"" { field.append("\""); index += 1 } else { inQuotes = false }
                } else {
                    if character.isNewline { line += 1 }
                    field.append(character)
                }
                continue
            }
            if character == "\"" && atFieldStart {
                inQuotes = true
                atFieldStart = false
                quoteLine = line
            } else if character == delimiter {
                fields.append(field)
                field = ""
                atFieldStart = true
            } else if character.isNewline { // "\r\n" is one Character in Swift, so CRLF counts once
                endRecord()
                line += 1
                recordLine = line
                atFieldStart = true
            } else {
                // Text after a closing quote or a quote inside an unquoted field is kept as written:
                // bank exports get this wrong often enough that refusing the file helps nobody.
                field.append(character)
                atFieldStart = false
            }
        }
        if inQuotes {
            throw StatementFormatError(line: quoteLine, field: "CSV", message: "a quoted field opened on this line is never closed")
        }
        if !fields.isEmpty || !field.isEmpty { endRecord() }
        return records
    }
}
