import Foundation

/// How the search box compares what people type with names, tax ids and numbers: accents and case
/// do not matter ("lacteos" finds "Lácteos"), punctuation does not matter ("fe10382" finds
/// "FE-10382", "900123456" finds NIT "900.123.456-7"), and a word one letter off still matches
/// ("lacetos", "lacteoss"). The database holds names in `name(_:)` form; the app's search query
/// narrows candidates with an index and `matches` decides.
public enum SearchText {
    /// A name as it is stored for searching: lowercase words without accents, separated by one
    /// space ("Lácteos Nueva Granada S.A.S." → "lacteos nueva granada s a s").
    public static func name(_ text: String) -> String { words(text).joined(separator: " ") }

    /// The lowercase, accent-free letter and digit runs of `text`.
    public static func words(_ text: String) -> [String] { MatchText.tokens(text).map { $0.lowercased() } }

    /// Letters and digits only, uppercase: a tax id or a reference as stored for searching
    /// ("900.123.456-7" → "9001234567", "76.123.456-K" → "76123456K").
    public static func compact(_ text: String) -> String { MatchText.compact(text) }

    /// The tax ids a typed text may be: the compact text (found as a prefix, so the number without
    /// its check digit finds the full one) and, when it is long enough to carry one, the text
    /// without its last character (a number typed with the check digit finds one stored without).
    public static func taxIDKeys(_ typed: String) -> (prefix: String, withoutCheckDigit: String?)? {
        let key = compact(typed)
        guard key.count >= minimumTaxIDLength, MatchText.hasDigit(key) else { return nil }
        return (key, key.count > minimumTaxIDLength ? String(key.dropLast()) : nil)
    }

    /// Fewer characters than this are not looked up as a tax id (they would match too many).
    public static let minimumTaxIDLength = 5

    /// A document number or payment reference for searching: lowercase, without spaces, dashes,
    /// dots or slashes ("FE-10382" → "fe10382"). Keep in step with `codeKeySQL` in the app, which
    /// does the same to the stored column inside an index.
    public static func codeKey(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.lazy.filter { !codeSeparators.contains($0) }.map { scalar in
                    (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(scalar.value + 0x20)! : scalar
                }))
    }

    /// The characters `codeKey` removes.
    public static let codeSeparators: [Unicode.Scalar] = [" ", "-", ".", "/"]

    /// Whether every typed word is found in the name: as the start of one of its words, or (for
    /// words of four letters or more) as a word at most one edit away — one letter more, less,
    /// changed, or two neighbours swapped; two edits for words of eight letters or more.
    public static func matches(_ typed: [String], name stored: String) -> Bool {
        score(typed, name: stored) != nil
    }

    /// How well the name matches (higher is better), nil when it does not: exact word starts count
    /// more than typos, so "Lácteos" ranks above "Lácteas" for "lacteos".
    public static func score(_ typed: [String], name stored: String) -> Int? {
        guard !typed.isEmpty else { return nil }
        let words = stored.split(separator: " ").map(String.init)
        var total = 0
        for query in typed {
            let allowed = query.count >= 8 ? 2 : 1
            var best: Int?
            for word in words {
                if word == query {
                    best = max(best ?? 0, 3)
                } else if word.hasPrefix(query) {
                    best = max(best ?? 0, 2)
                } else if query.count >= 4, editDistance(query, word, limit: allowed) <= allowed {
                    best = max(best ?? 0, 1)
                } else if query.count >= 4, word.count > query.count,
                    editDistance(query, String(word.prefix(query.count)), limit: 1) <= 1
                {
                    // A typo in the first letters of a longer word ("lacet" for "lacteos").
                    best = max(best ?? 0, 1)
                }
            }
            guard let best else { return nil }
            total += best
        }
        return total
    }

    /// Optimal-string-alignment distance (Levenshtein plus swapping two neighbours), stopping
    /// early once it is certainly above `limit`.
    public static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, before[j - 2] + 1) }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }

    /// The three-letter pieces of a word that an index of trigrams finds it by ("lacetos" →
    /// "lac", "ace", "cet", "eto", "tos"); a word of one edit shares most of them.
    public static func trigrams(_ word: String) -> [String] {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 3 else { return [] }
        var seen = Set<String>()
        return (0...(scalars.count - 3)).compactMap { start in
            let piece = String(String.UnicodeScalarView(scalars[start..<(start + 3)]))
            return seen.insert(piece).inserted ? piece : nil
        }
    }
}
