/// Text helpers the statement parsers share. A namespace rather than extensions on String and
/// Character, so they cannot collide with helpers other parts of the module declare.
enum StatementText {
    static func isDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }

    /// Trims spaces, tabs and line breaks.
    static func trim<S: StringProtocol>(_ text: S) -> String {
        var slice = Substring(text)
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
