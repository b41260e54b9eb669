/// Text helpers the statement parsers share. A namespace rather than extensions on String and
/// Character, so they cannot collide with helpers other parts of the module declare.
enum StatementText {
    static func isDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }

    /// Trims spaces, tabs and line breaks.
    static func trim<S: StringProtocol>(_ text: S) -> String {
        // Most cells have nothing to trim: an ASCII non-space at both ends settles it without
        // walking Characters (imports trim every cell of a million-row file).
        let string = String(text)
        if let first = string.utf8.first, let last = string.utf8.last, (0x21..<0x80).contains(first),
            (0x21..<0x80).contains(last)
        {
            return string
        }
        var slice = Substring(string)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }

    /// nil for an empty or blank value, so optional fields never hold "".
    static func nonEmpty<S: StringProtocol>(_ text: S?) -> String? {
        guard let text else { return nil }
        let trimmed = trim(text)
        return trimmed.isEmpty ? nil : trimmed
    }
}
