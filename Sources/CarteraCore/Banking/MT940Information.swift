import Foundation

/// Field `:86:` (information to the account owner). Either free text, or the German ZKA/GVC layout
/// "166?00GUTSCHRIFT?20EREF+…?21SVWZ+…?31IBAN?32NAME": a 3-digit business code then `?nn` subfields.
struct MT940Information {
    let remittanceText: String
    let counterpartyName: String?
    let counterpartyAccount: String?
    let endToEndID: String?

    init(lines: [String]) {
        // Structured subfields are delimited by "?nn", so the SWIFT line breaks inside them mean nothing.
        let joined = lines.joined()
        self = Self.isStructured(joined) ? Self(structured: joined) : Self(free: lines)
    }

    private init(structured joined: String) {
        let subfields = Self.subfields(of: joined)
        func text(_ codes: ClosedRange<Int>) -> String {
            // Banks cut the SEPA purpose into 27-character subfields regardless of words, so they are
            // glued back without spaces; only a new SEPA keyword (EREF+, SVWZ+ …) gets a space before it.
            subfields.filter { codes.contains($0.code) }.reduce("") { text, subfield in
                guard !text.isEmpty else { return subfield.value }
                return text + (Self.startsWithSEPAKeyword(subfield.value) ? " " : "") + subfield.value
            }
        }
        let purpose = [text(20...29), text(60...63)].filter { !$0.isEmpty }.joined(separator: " ")
        remittanceText = StatementText.trim(purpose)
        counterpartyName = StatementText.nonEmpty(text(32...33))
        counterpartyAccount = StatementText.nonEmpty(text(31...31))
        endToEndID = Self.endToEndID(in: purpose)
    }

    /// Free text: a line shorter than SWIFT's 65 characters was broken by the bank on purpose (a
    /// space), a full one was cut wherever the limit fell (glued back as it was).
    private init(free lines: [String]) {
        var text = ""
        var previous: String?
        for line in lines {
            if let previous, previous.count < 65 { text += " " }
            text += line
            previous = line
        }
        remittanceText = StatementText.trim(text)
        counterpartyName = nil
        counterpartyAccount = nil
        endToEndID = nil
    }

    private static func isStructured(_ text: String) -> Bool {
        let head = Array(text.prefix(4))
        return head.count == 4 && head[0..<3].allSatisfy(StatementText.isDigit) && head[3] == "?"
    }

    /// "166?00A?20B" → [(0, "A"), (20, "B")]; the business code before the first "?" is not needed.
    /// A "?" not followed by two digits is ordinary text.
    private static func subfields(of text: String) -> [(code: Int, value: String)] {
        var result: [(code: Int, value: String)] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            if characters[index] == "?", index + 2 < characters.count,
                StatementText.isDigit(characters[index + 1]), StatementText.isDigit(characters[index + 2])
            {
                result.append((Int(String(characters[index + 1...index + 2]))!, ""))
                index += 3
                continue
            }
            if !result.isEmpty { result[result.count - 1].value.append(characters[index]) }
            index += 1
        }
        return result
    }

    private static let sepaKeywords = [
        "EREF", "KREF", "MREF", "CRED", "DEBT", "COAM", "OAMT", "SVWZ", "ABWA", "ABWE", "IBAN", "BIC",
    ]

    private static func startsWithSEPAKeyword(_ text: String) -> Bool {
        sepaKeywords.contains { text.hasPrefix($0 + "+") }
    }

    /// The value after "EREF+" up to the next SEPA keyword, unless the payer left it NOTPROVIDED.
    private static func endToEndID(in purpose: String) -> String? {
        guard let start = purpose.range(of: "EREF+") else { return nil }
        var value = purpose[start.upperBound...]
        for keyword in sepaKeywords {
            if let next = value.range(of: keyword + "+") { value = value[..<next.lowerBound] }
        }
        let id = StatementText.nonEmpty(value)
        return id == "NOTPROVIDED" ? nil : id
    }
}
