import Foundation

/// Reads SWIFT MT940 customer statements the way banks export them: bare (`:20:` …) or inside
/// `{1:…}{2:…}{4:` … `-}` blocks, CRLF or LF, several statements per file. Errors name the
/// 1-based line of the file and the tag (`:61:`).
public enum MT940Parser {
    /// SWIFT allows 65 characters a line and 6 lines of :86:; bank exports run longer, never this long.
    static let maximumLineLength = 2_000
    static let maximumFieldLines = 200

    public static func parse(_ text: String) throws -> [BankStatement] {
        var statements: [BankStatement] = []
        var draft: Draft?
        for field in try fields(of: text) {
            if field.tag == "20" {
                if let finished = draft { statements.append(try finished.statement()) }
                draft = Draft(startLine: field.line, reference: field.text)
                continue
            }
            guard draft != nil else {
                throw StatementFormatError(
                    line: field.line, field: ":\(field.tag):", message: "a statement must start with :20:")
            }
            try draft?.add(field)
        }
        if let finished = draft { statements.append(try finished.statement()) }
        guard !statements.isEmpty else {
            throw StatementFormatError(line: 1, field: ":20:", message: "no MT940 statement found (no :20: field)")
        }
        return statements
    }

    /// One `:tag:` with its continuation lines, and where it starts in the file.
    struct Field {
        let tag: String
        let line: Int
        var lines: [String]
        var text: String { lines.first.map(StatementText.trim) ?? "" }
    }

    /// Splits the file into fields, dropping the SWIFT block wrappers and message trailers.
    static func fields(of text: String) throws -> [Field] {
        var fields: [Field] = []
        var inField = false
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        // Splitting on isNewline takes "\r\n" (one Character in Swift), "\n" and a lone "\r" alike.
        for (index, rawLine) in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            var line = Substring(rawLine)
            // Counted in UTF-8 bytes (cheap, and a bound on memory either way).
            guard line.utf8.count <= maximumLineLength else {
                throw StatementFormatError(
                    line: index + 1, field: "line",
                    message: "the line is longer than \(maximumLineLength) characters: is this an MT940 file?")
            }
            if let block4 = line.range(of: "{4:") {
                // "{1:F01…}{2:O940…}{4:" — the statement text starts after the text block opener.
                line = line[block4.upperBound...]
                inField = false
                if StatementText.trim(line).isEmpty { continue }
            }
            let trimmed = StatementText.trim(line)
            if trimmed == "-" || trimmed.hasPrefix("-}") {
                inField = false // "-}" closes block 4; what follows ({5:…} checksums) is not statement text
                continue
            }
            if line.hasPrefix("{") {
                inField = false
                continue
            }
            if let (tag, content) = tag(of: line) {
                fields.append(Field(tag: tag, line: index + 1, lines: [String(content)]))
                inField = true
            } else if inField, var last = fields.popLast() {
                guard last.lines.count < maximumFieldLines else {
                    throw StatementFormatError(
                        line: index + 1, field: ":\(last.tag):",
                        message: "the field goes on for more than \(maximumFieldLines) lines")
                }
                last.lines.append(String(line))
                fields.append(last)
            } else if !trimmed.isEmpty {
                throw StatementFormatError(
                    line: index + 1, field: "tag",
                    message: "expected a field such as :20:, found \"\(line.prefix(20))\"")
            }
        }
        return fields
    }

    /// ":61:…" → ("61", "…"); ":NS:" (a non-SWIFT bank extension) is a tag too, so its text is not
    /// glued onto the previous field.
    private static func tag(of line: Substring) -> (String, Substring)? {
        guard line.first == ":", let close = line.dropFirst().firstIndex(of: ":") else { return nil }
        let tag = line[line.index(after: line.startIndex)..<close]
        let digits = tag.prefix(2)
        let isSwift =
            digits.count == 2 && digits.allSatisfy(StatementText.isDigit) && tag.count <= 3
            && tag.dropFirst(2).allSatisfy { $0.isASCII && $0.isUppercase }
        guard isSwift || tag == "NS" else { return nil }
        return (String(tag), line[line.index(after: close)...])
    }

    /// A statement being read: header fields, balances, and lines waiting for their `:86:`.
    private struct Draft {
        let startLine: Int
        let reference: String
        var account: String?
        var number: String?
        var opening: Money?
        var closing: Money?
        var lines: [MT940Fields.Line] = []
        var lastTag = "20"

        mutating func add(_ field: Field) throws {
            defer { lastTag = field.tag }
            switch field.tag {
            case "25":
                // "BLZ/ACCOUNT" (German exports) → the account number; an IBAN stays as it is.
                account = field.text.split(separator: "/").last.map(StatementText.trim)
            case "28C", "28": number = field.text
            case "60F", "60M": opening = try MT940Fields.balance(field, currency: opening?.currency)
            case "62F", "62M": closing = try MT940Fields.balance(field, currency: opening?.currency)
            case "61":
                guard let currency = opening?.currency else {
                    throw StatementFormatError(
                        line: field.line, field: ":61:", message: "statement line before the opening balance :60F:")
                }
                lines.append(try MT940Fields.statementLine(field, currency: currency))
            case "86":
                // :86: belongs to the :61: right before it; after :62F: it describes the whole statement.
                if lastTag == "61" { lines[lines.count - 1].information = field.lines }
            default: break // :21:, :64:, :65:, :NS: carry nothing Cartera reconciles on
            }
        }

        func statement() throws -> BankStatement {
            guard let account, !account.isEmpty else {
                throw StatementFormatError(
                    line: startLine, field: ":25:", message: "the statement has no account identification")
            }
            guard let currency = opening?.currency ?? closing?.currency else {
                throw StatementFormatError(
                    line: startLine, field: ":60F:", message: "the statement has no opening balance")
            }
            let id = [reference, number ?? ""].filter { !$0.isEmpty }.joined(separator: "/")
            return BankStatement(
                account: account, statementID: id, currency: currency, openingBalance: opening,
                closingBalance: closing, lines: lines.map(\.statementLine))
        }
    }
}
