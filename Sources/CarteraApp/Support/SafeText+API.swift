import CarteraCore

/// How `SafeText` and `EmailAddress` refusals reach a client: 422 naming the field, with a code
/// the localizer translates (`error.control_character`, `error.invalid_email`).
extension SafeText {
    /// `text` as it is, or 422 `control_character` naming `field`. Single line unless the field is
    /// one of `SafeText.multilineFields`.
    static func checked(_ text: String, _ field: String) throws -> String {
        guard let problem = problem(in: text, kind: kind(forField: field)) else { return text }
        let what =
            switch problem {
            case .lineBreak: "a line break"
            case .controlCharacter: "a control character"
            case .bidiControl: "a bidirectional text control"
            }
        throw ServiceError.invalid(
            field, code: "control_character",
            "\(field) contains \(what) (\(problem.codePoint)); line breaks (outside notes), tabs, NUL and bidirectional controls are not accepted"
        )
    }
}

extension EmailAddress {
    /// `address` as it is, or 422 `invalid_email` naming `field` and why.
    static func checked(_ address: String, _ field: String) throws -> String {
        guard let problem = problem(in: address) else { return address }
        // The value itself is not echoed: it may be the control characters we refuse.
        throw ServiceError.invalid(
            field, code: "invalid_email", "\(field) is not a valid email address: \(problem.reason)")
    }
}
