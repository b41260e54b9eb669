import Foundation

/// A letter's text as it is laid out on paper: paragraphs split at blank lines, each a list of its lines
/// (a list of invoices keeps one invoice a line). Lines keep their leading spaces out: the page indents lists.
public enum LetterParagraphs {
    public static func split(_ text: String) -> [[String]] {
        var paragraphs: [[String]] = []
        var current: [String] = []
        for raw in text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                if !current.isEmpty { paragraphs.append(current) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        return paragraphs
    }
}
