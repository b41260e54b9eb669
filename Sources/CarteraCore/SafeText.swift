/// What text Cartera accepts from people, in one place: the API and page parsers
/// (`FieldParser.text` / `optionalText`), the email validator, the CSV import and the MIME writer
/// all ask here.
///
/// Names, emails, numbers and references end up in email headers, SMS, PDFs-to-be and CSV exports,
/// and on other people's screens. A line break in a name is a header injection (`Bcc:` added to a
/// reminder); NUL truncates it in C libraries; bidirectional overrides (U+202E) make "Acme‮gnp.exe"
/// read differently from what it is. None of them is ever part of a real name, so they are refused
/// rather than cleaned: a silently changed value is worse than a clear 422.
public enum SafeText {
    /// Whether line breaks belong to the value.
    public enum Kind: Sendable, Equatable {
        /// Names, emails, numbers, references, subjects: no control character at all, TAB included.
        case line
        /// Free text people write in a text area (notes, reasons, message bodies): LF, CR (for CR-LF)
        /// and TAB are kept, every other control character and every bidi control is refused.
        case multiline
    }

    /// Why a value was refused; `scalar` is the first offending character.
    public enum Problem: Error, Equatable, Sendable {
        case lineBreak(Unicode.Scalar)
        case controlCharacter(Unicode.Scalar)
        case bidiControl(Unicode.Scalar)

        public var scalar: Unicode.Scalar {
            switch self {
            case .lineBreak(let scalar), .controlCharacter(let scalar), .bidiControl(let scalar): scalar
            }
        }

        /// "U+000A": how the message names the character (it would not show if printed as itself).
        public var codePoint: String {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
    }

    /// Fields that are free text written in a text area, by the name the API and the forms give them
    /// (the last component: `lines[0].description` is `description`). Every other field is one line.
    /// Decided here, per field, so a new field is strict until someone says otherwise:
    /// - `notes` (customer, invoice, payment), `note` (promise, call, plan, dispute resolution,
    ///   escalation, portal), `reason` (disputes, credit notes, voids, write-offs, reversals, ignores),
    ///   `body` (message templates), `payment_instructions` (organisation, printed under messages).
    public static let multilineFields: Set<String> = ["notes", "note", "reason", "body", "payment_instructions"]

    public static func kind(forField field: String) -> Kind {
        let name = field.split(separator: ".").last.map(String.init) ?? field
        return multilineFields.contains(name) ? .multiline : .line
    }

    /// The first reason `text` cannot be accepted as `kind`, or nil when it can.
    public static func problem(in text: String, kind: Kind) -> Problem? {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            // Fast path: printable ASCII is the overwhelming majority.
            if value >= 0x20 && value < 0x7F { continue }
            if isBidiControl(value) { return .bidiControl(scalar) }
            // LINE and PARAGRAPH SEPARATOR: line breaks to some renderers, invisible to others.
            if value == 0x2028 || value == 0x2029 { return .lineBreak(scalar) }
            switch value {
            case 0x0A, 0x0D:
                if kind == .line { return .lineBreak(scalar) }
            case 0x09:
                if kind == .line { return .controlCharacter(scalar) }
            case 0x00..<0x20, 0x7F, 0x80...0x9F:
                return .controlCharacter(scalar)
            default:
                continue
            }
        }
        return nil
    }

    /// U+202A–202E (embeddings and overrides), U+2066–2069 (isolates), U+200E/200F (LRM, RLM) and
    /// U+061C (Arabic letter mark): they reorder how text is shown without being seen themselves.
    static func isBidiControl(_ value: UInt32) -> Bool {
        (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F
            || value == 0x061C
    }

    /// Whether a header value of a message can be written as it is or as RFC 2047 words: nothing
    /// below U+0020 (CR and LF above all) and no DEL. Bidi marks are harmless to the protocol once
    /// encoded, so a stored value from before these rules still goes out.
    public static func isHeaderSafe(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }
}
