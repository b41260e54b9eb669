import Foundation

/// The one canonical form every text is compared in: accents stripped, uppercase, and anything
/// that is not a letter or digit is a separator. Payers type "fe-1001", "FE 1001" or "Fé.1001";
/// banks upper-case, truncate and drop accents — so indexes and lines are both reduced to tokens.
enum MatchText {
    /// Uppercase letter/digit runs of `text` with accents removed ("Pagó fe-1001" → ["PAGO", "FE", "1001"]).
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty {
                tokens.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        // Bank text is nearly always ASCII; only decompose (é → e + ◌́) when it is not.
        let scalars =
            text.utf8.allSatisfy { $0 < 0x80 }
            ? text.unicodeScalars : text.decomposedStringWithCanonicalMapping.unicodeScalars
        for scalar in scalars {
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A: current.append(scalar)
            case 0x61...0x7A: current.append(Unicode.Scalar(scalar.value - 0x20)!)
            case 0..<0x80: flush()
            default:
                let properties = scalar.properties
                if properties.generalCategory == .nonspacingMark { continue } // the accent of a decomposed letter
                if properties.isAlphabetic || properties.numericType != nil {
                    current.append(contentsOf: properties.uppercaseMapping.unicodeScalars)
                } else {
                    flush()
                }
            }
        }
        flush()
        return tokens
    }

    /// Letters and digits only, uppercase: how accounts and references are compared ("es91 2100-0418" → "ES9121000418").
    static func compact(_ text: String) -> String { tokens(text).joined() }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { (0x30...0x39).contains(scalar.value) }

    static func hasDigit(_ text: String) -> Bool { text.unicodeScalars.contains(where: isDigit) }

    static func hasLetter(_ text: String) -> Bool { text.unicodeScalars.contains { !isDigit($0) } }

    // MARK: Tax ids

    /// Candidate tax ids of a customer: digits only ("900.123.456-7" → "9001234567"), plus the
    /// number without its check digit when one is written after a separator ("900123456"), since
    /// payers often leave it out. Ids with letters (Mexican RFC) keep letters and digits.
    static func taxIDKeys(_ taxID: String) -> [String] {
        let tokens = tokens(taxID)
        let joined = tokens.joined()
        if hasLetter(joined) { return joined.count >= PaymentMatcher.Limits.minimumTaxIDLength ? [joined] : [] }
        var keys = [joined]
        if tokens.count > 1, let last = tokens.last, last.count == 1 {
            keys.append(String(joined.dropLast()))
        }
        return keys.filter { $0.count >= PaymentMatcher.Limits.minimumTaxIDLength }
    }

    /// Tax-id-looking pieces of a free text: each run of letters and digits joined only by "." "-"
    /// or "/" ("NIT 900.123.456-7" → "9001234567"); spaces end a run so amounts next to it stay apart.
    static func taxIDCandidates(in text: String) -> [String] {
        var candidates: [String] = []
        let chunks = text.split { !($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "/") }
        for chunk in chunks {
            let joined = compact(String(chunk))
            guard joined.count >= PaymentMatcher.Limits.minimumTaxIDLength else { continue }
            candidates.append(joined)
        }
        return candidates
    }

    // MARK: Company names

    /// Legal-form suffixes dropped from the end of a name, longest first, as token sequences so
    /// "S.A.S.", "S A S" and "SAS" are one and the same.
    static let legalSuffixes: [[String]] = [
        ["S", "DE", "R", "L", "DE", "C", "V"], ["S", "A", "P", "I", "DE", "C", "V"], ["S", "A", "DE", "C", "V"],
        ["SAPI", "DE", "CV"], ["SA", "DE", "CV"], ["S", "DE", "R", "L"], ["S", "DE", "RL"], ["DE", "C", "V"],
        ["DE", "CV"],
        ["S", "EN", "C", "S"], ["S", "EN", "C"], ["S", "A", "S"], ["S", "P", "A"], ["S", "R", "L"], ["S", "C", "A"],
        ["S", "A"], ["E", "U"], ["S", "L"], ["Y", "CIA"], ["SAS"], ["SA"], ["LTDA"], ["LIMITADA"], ["SPA"], ["EU"],
        ["SRL"],
        ["SCA"], ["SL"], ["CIA"], ["INC"], ["LLC"], ["LTD"], ["CORP"],
    ]

    /// Little words that never identify anyone on their own.
    static let articles: Set<String> = ["DE", "DEL", "LA", "LAS", "LOS", "EL", "Y", "E", "EN", "THE", "AND", "OF"]

    /// Words too common in company names to be the only thing a line shares with a customer.
    static let genericBusinessWords: Set<String> = [
        "COMERCIALIZADORA", "DISTRIBUIDORA", "INVERSIONES", "GRUPO", "COMPANIA", "EMPRESA", "SERVICIOS", "SOLUCIONES",
        "INDUSTRIAS", "CONSTRUCTORA", "SOCIEDAD", "CORPORACION", "ASOCIADOS", "HERMANOS", "COMERCIAL", "NACIONAL",
        "PAGO", "PAGOS", "FACTURA", "FACTURAS", "TRANSFERENCIA", "ABONO", "CLIENTE",
    ]

    /// A company name as tokens without its legal form: "Comercializadora Los Andes S.A.S." → ["COMERCIALIZADORA", "LOS", "ANDES"].
    static func nameTokens(_ name: String) -> [String] {
        var tokens = tokens(name)
        var stripped = true
        while stripped {
            stripped = false
            for suffix in legalSuffixes
            where tokens.count > suffix.count && tokens.suffix(suffix.count).elementsEqual(suffix) {
                tokens.removeLast(suffix.count)
                stripped = true
                break
            }
        }
        return tokens
    }

    /// Tokens of a name that can tell one customer from another (rule 4 asks the line to share one).
    static func meaningfulNameTokens(_ tokens: [String]) -> Set<String> {
        Set(
            tokens.filter {
                $0.count >= 3 && hasLetter($0) && !articles.contains($0) && !genericBusinessWords.contains($0)
            })
    }

    /// Every run of at least two consecutive words (with one that is not an article), for
    /// "one name contains the other" without comparing a line to every customer.
    static func nameParts(_ tokens: [String]) -> [String] {
        let words = Array(tokens.prefix(PaymentMatcher.Limits.maximumNameWords))
        guard words.count >= 2 else { return [] }
        var parts: [String] = []
        for start in 0..<(words.count - 1) {
            for end in (start + 1)..<words.count where words[start...end].contains(where: { !articles.contains($0) }) {
                parts.append(words[start...end].joined(separator: " "))
            }
        }
        return parts
    }
}
