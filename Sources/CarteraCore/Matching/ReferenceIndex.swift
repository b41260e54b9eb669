/// Invoice numbers and payment references by their compact form ("FE-1001" → "FE1001"), and the
/// scan that finds them in a line's text as whole tokens.
///
/// A run of consecutive text tokens matches a key when its letters and digits, joined, equal the
/// key — and every place two tokens were joined is either a letter/digit change ("FE 1001" for
/// "FE1001") or a place where the key itself had a separator ("2024 0001" for "2024-0001"). So a
/// date "2024 10 01" never becomes invoice "20241001", and "FE-10010" never contains "FE-1001",
/// because runs start and end at separators. Long payment references may be joined anywhere:
/// banks print them in groups of four ("RF18 5390 0754 7034").
struct ReferenceIndex: Sendable {
    enum Target: Hashable, Sendable {
        case invoice(Int)
        case customer(Int)
    }

    struct Entry: Sendable {
        let target: Target
        /// Offsets in the compact key where the original text had a separator.
        let separatorOffsets: [Int]
        /// Long payment references: any grouping of their characters is accepted.
        let joinsAnywhere: Bool
    }

    private var entries: [String: [Entry]] = [:]
    private var longestKey = 0

    /// Whether a compact key is specific enough to look for: it must have a digit, and be at least
    /// `minimumNumericReferenceLength` long when digits only ("12" would hit amounts and dates).
    static func isSearchable(_ key: String) -> Bool {
        guard MatchText.hasDigit(key) else { return false }
        return MatchText.hasLetter(key)
            ? key.utf8.count >= PaymentMatcher.Limits.minimumReferenceLength
            : key.utf8.count >= PaymentMatcher.Limits.minimumNumericReferenceLength
    }

    mutating func add(_ text: String, for target: Target, isPaymentReference: Bool) {
        let tokens = MatchText.tokens(text)
        let key = tokens.joined()
        guard Self.isSearchable(key) else { return }
        var offsets: [Int] = []
        var offset = 0
        for token in tokens.dropLast() {
            offset += token.utf8.count
            offsets.append(offset)
        }
        let joinsAnywhere = isPaymentReference && key.utf8.count >= PaymentMatcher.Limits.freelyGroupedReferenceLength
        // An invoice whose number is also its payment reference keeps one entry, the more permissive one.
        if let existing = entries[key]?.firstIndex(where: { $0.target == target }) {
            if joinsAnywhere {
                entries[key]![existing] = Entry(target: target, separatorOffsets: offsets, joinsAnywhere: true)
            }
            return
        }
        entries[key, default: []].append(Entry(target: target, separatorOffsets: offsets, joinsAnywhere: joinsAnywhere))
        longestKey = max(longestKey, key.utf8.count)
    }

    /// The references named in one field's tokens, in the order they appear. At each position the longest
    /// matching run wins and its tokens are consumed, so "FE 1001" is invoice FE-1001 and not
    /// also an invoice numbered "1001". Each element lists every target of that one key.
    func scan(tokens: [String]) -> [[Target]] {
        var found: [[Target]] = []
        var start = 0
        while start < tokens.count {
            var best: (end: Int, targets: [Target])?
            var key = ""
            var sameClassJoins: [Int] = [] // joins between two digits or two letters
            var end = start
            while end < tokens.count, end - start < PaymentMatcher.Limits.maximumReferenceTokens {
                let token = tokens[end]
                if end > start {
                    let before = key.unicodeScalars.last!
                    let after = token.unicodeScalars.first!
                    if MatchText.isDigit(before) == MatchText.isDigit(after) { sameClassJoins.append(key.utf8.count) }
                }
                key += token
                if key.utf8.count > longestKey { break }
                if let candidates = entries[key] {
                    let targets = candidates.filter { entry in
                        entry.joinsAnywhere || sameClassJoins.allSatisfy(entry.separatorOffsets.contains)
                    }.map(\.target)
                    if !targets.isEmpty { best = (end, targets) }
                }
                end += 1
            }
            if let best {
                found.append(best.targets)
                start = best.end + 1
            } else {
                start += 1
            }
        }
        return found
    }
}
