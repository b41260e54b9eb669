import Foundation

/// Where a redirect may go: a path of this site and nothing else. Browsers forgive a lot in a
/// `Location` — `//evil.example`, `/\evil.example`, `/\t/evil.example` (tabs and newlines are dropped
/// before resolving) all leave the site — so a path qualifies only with one leading `/`, no second
/// `/` or `\` right after it, no `\` anywhere, no control character or whitespace, and the same
/// again once percent-decoded (a page may decode and redirect again).
enum SafeRedirect {
    static let maximumLength = 2_048

    /// `candidate` when it is a same-site path, else nil. The query and fragment may carry encoded
    /// spaces (a search for "Ana María"); they only need to be free of raw control characters.
    static func path(_ candidate: String) -> String? {
        guard candidate.utf8.count <= maximumLength else { return nil }
        let split = candidate.firstIndex { $0 == "?" || $0 == "#" } ?? candidate.endIndex
        guard isPlainText(candidate[split...]) else { return nil }
        var text = String(candidate[..<split])
        // Decoding up to three times catches %2F, %252F and %25252F; what is still encoded after that is refused.
        for _ in 0..<3 {
            guard isPlainPath(text) else { return nil }
            guard let decoded = text.removingPercentEncoding else { return nil }
            if decoded == text { return candidate }
            text = decoded
        }
        return nil
    }

    static func path(_ candidate: String?, fallback: String) -> String {
        candidate.flatMap(path) ?? fallback
    }

    private static func isPlainPath(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.first == "/" else { return false }
        if scalars.count > 1, scalars[1] == "/" || scalars[1] == "\\" { return false }
        return isPlainText(text[...])
    }

    private static func isPlainText(_ text: Substring) -> Bool {
        !text.unicodeScalars.contains { scalar in
            scalar == "\\" || CharacterSet.whitespacesAndNewlines.contains(scalar)
                || CharacterSet.controlCharacters.contains(scalar)
                || CharacterSet.illegalCharacters.contains(scalar)
                || (0x2028...0x2029).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
                || (0x2066...0x2069).contains(scalar.value)
        }
    }
}
