import Foundation

/// What a person reads on an HTML page: the text between tags (scripts, styles and comments removed,
/// entities decoded) and the attributes a browser shows or reads aloud (`title`, `placeholder`,
/// `aria-label`, `alt`). Links, form values and `data-*` attributes are for the machine and are left out.
struct VisibleText {
    /// The page's text, one piece per run of text between tags.
    let pieces: [String]
    /// Parts of the page in another language, marked so with `lang` (a message previewed as the
    /// customer will read it): checked in their own language.
    let quoted: [(language: String, pieces: [String])]

    init(html: String) {
        var body = html
        for pattern in ["(?is)<script\\b.*?</script>", "(?is)<style\\b.*?</style>", "(?s)<!--.*?-->"] {
            body = body.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        var quoted: [(language: String, pieces: [String])] = []
        while let (range, language, inner) = Self.firstLanguageElement(in: body) {
            let part = VisibleText(html: inner)
            quoted.append((language, part.pieces))
            quoted += part.quoted
            body.replaceSubrange(range, with: " ")
        }
        self.quoted = quoted
        var pieces: [String] = []
        // Attributes shown to people (tooltips, hints, screen readers), then the text between tags.
        let shown = try! NSRegularExpression(
            pattern: "\\s(?:title|placeholder|aria-label|alt)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')",
            options: [.caseInsensitive])
        let tag = try! NSRegularExpression(pattern: "<[^>]*>")
        let whole = NSRange(body.startIndex..., in: body)
        for match in tag.matches(in: body, range: whole) {
            let tagText = (body as NSString).substring(with: match.range)
            let tagRange = NSRange(tagText.startIndex..., in: tagText)
            for attribute in shown.matches(in: tagText, range: tagRange) {
                for group in 1...2 where attribute.range(at: group).location != NSNotFound {
                    pieces.append(Self.decode((tagText as NSString).substring(with: attribute.range(at: group))))
                }
            }
        }
        for text in tag.stringByReplacingMatches(in: body, range: whole, withTemplate: "\u{1}").split(
            separator: "\u{1}")
        {
            let decoded = Self.decode(String(text)).replacingOccurrences(
                of: "\\s+", with: " ", options: .regularExpression
            ).trimmingCharacters(in: .whitespaces)
            if !decoded.isEmpty { pieces.append(decoded) }
        }
        self.pieces = pieces
    }

    /// The first element below `<html>` with a `lang` attribute: its whole range and its inner HTML,
    /// up to the end tag that closes it (same-name elements inside it counted).
    static func firstLanguageElement(in html: String) -> (Range<String.Index>, String, String)? {
        let start = try! NSRegularExpression(
            pattern: "<(?!html\\b)([a-zA-Z][a-zA-Z0-9]*)\\b[^>]*\\slang=\"([a-z]{2})[^\"]*\"[^>]*>")
        guard let open = start.firstMatch(in: html, range: NSRange(html.startIndex..., in: html)),
            let openRange = Range(open.range, in: html), let nameRange = Range(open.range(at: 1), in: html),
            let languageRange = Range(open.range(at: 2), in: html)
        else { return nil }
        let name = NSRegularExpression.escapedPattern(for: String(html[nameRange]))
        let tags = try! NSRegularExpression(pattern: "<(/?)\(name)\\b[^>]*>", options: [.caseInsensitive])
        var depth = 1
        let rest = NSRange(openRange.upperBound..., in: html)
        for tag in tags.matches(in: html, range: rest) {
            depth += (html as NSString).substring(with: tag.range(at: 1)) == "/" ? -1 : 1
            if depth == 0, let close = Range(tag.range, in: html) {
                return (
                    openRange.lowerBound..<close.upperBound, String(html[languageRange]),
                    String(html[openRange.upperBound..<close.lowerBound])
                )
            }
        }
        return (
            openRange.lowerBound..<html.endIndex, String(html[languageRange]), String(html[openRange.upperBound...])
        )
    }

    /// `&amp;`, `&lt;`, `&#39;`, `&#x2F;` … back to characters.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = text
        let named = ["&quot;": "\"", "&#39;": "'", "&apos;": "'", "&lt;": "<", "&gt;": ">", "&nbsp;": " "]
        for (entity, character) in named { out = out.replacingOccurrences(of: entity, with: character) }
        let numeric = try! NSRegularExpression(pattern: "&#(x?)([0-9a-fA-F]+);")
        while let match = numeric.firstMatch(in: out, range: NSRange(out.startIndex..., in: out)) {
            let ns = out as NSString
            let hex = ns.substring(with: match.range(at: 1)) == "x"
            let digits = ns.substring(with: match.range(at: 2))
            let scalar = UInt32(digits, radix: hex ? 16 : 10).flatMap(Unicode.Scalar.init) ?? "?"
            out = ns.replacingCharacters(in: match.range, with: String(Character(scalar)))
        }
        return out.replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Every same-site GET link of the page: `href`s that are paths (not `//host`), entities decoded,
    /// the fragment dropped.
    static func links(in html: String) -> [String] {
        let href = try! NSRegularExpression(pattern: "\\shref\\s*=\\s*\"([^\"]*)\"", options: [.caseInsensitive])
        return href.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
            let raw = decode((html as NSString).substring(with: match.range(at: 1)))
            let link = String(raw.prefix { $0 != "#" })
            guard link.hasPrefix("/"), !link.hasPrefix("//") else { return nil }
            return link
        }
    }
}
