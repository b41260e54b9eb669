extension ImportRow {
    /// The cells the row's fields read follow `SafeText`: one line for names, codes, numbers, email
    /// and phone (they reach email headers, SMS and screens: a quoted cell with a line break, a NUL or
    /// a bidi override in a name is refused); the free-text reference may keep line breaks (exports
    /// wrap long ones) but not NUL or bidi controls, as notes in the API. One error per field, naming
    /// the first offending character's code point.
    mutating func refuseControlCharacters() {
        for field in ImportField.allCases {
            guard let index = header.indices[field], index < record.fields.count else { continue }
            let kind: SafeText.Kind = field == .reference ? .multiline : .line
            // The raw cell first (nearly always clean, and cheap to tell); spaces and tabs around a
            // value are padding, trimmed away like everywhere else, so only the trimmed cell counts.
            guard SafeText.problem(in: record.fields[index], kind: kind) != nil,
                let problem = SafeText.problem(in: StatementText.trim(record.fields[index]), kind: kind)
            else { continue }
            fail(field, .controlCharacter(problem.codePoint))
        }
    }
}
