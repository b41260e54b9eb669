import Foundation

/// Writes CSV per RFC 4180 for Cartera's exports (customers, invoices, payments, aging, case files):
/// a field holding the delimiter, a quote or a line break is quoted, quotes doubled; records end in CRLF.
///
/// Formula injection: a spreadsheet runs a cell starting with "=", "+", "-" or "@" as a formula, so a
/// customer named "=HYPERLINK(…)" could act when a user opens the export. With `guardsFormulas` on
/// (the default) such a cell is written with a leading apostrophe ("'=HYPERLINK(…)"), which makes
/// spreadsheets show it as text. Plain numbers ("-1234.56") are left alone: they cannot be formulas
/// and negative amounts must stay numbers. The import takes the apostrophe off again before "=", "+",
/// "-" or "@", so an export re-imports unchanged.
public struct CSVWriter: Sendable {
    public var delimiter: Character
    public var guardsFormulas: Bool

    public init(delimiter: Character = ",", guardsFormulas: Bool = true) {
        self.delimiter = delimiter
        self.guardsFormulas = guardsFormulas
    }

    public func field(_ value: String) -> String {
        var text = value
        if guardsFormulas, let first = text.first, "=+-@".contains(first), !Self.isPlainNumber(text) {
            text = "'" + text
        }
        guard text.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record, with its CRLF.
    public func row(_ values: [String]) -> String {
        values.map(field).joined(separator: String(delimiter)) + "\r\n"
    }

    /// A whole file. The byte order mark makes Excel read the UTF-8 as UTF-8, so accents survive;
    /// leave it off for machines that choke on it.
    public func document(_ rows: [[String]], byteOrderMark: Bool = true) -> String {
        (byteOrderMark ? "\u{FEFF}" : "") + rows.map(row).joined()
    }

    /// "-1234.56", "+3", "12,5": an optional sign, digits, at most one decimal mark.
    private static func isPlainNumber(_ text: String) -> Bool {
        let body = text.dropFirst(text.first == "-" || text.first == "+" ? 1 : 0)
        let parts = body.split(omittingEmptySubsequences: false) { $0 == "." || $0 == "," }
        return (1...2).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(StatementText.isDigit) }
    }
}
