import CarteraCore

/// One row error of an import, from the file itself (`ImportRowError`) or from the checks against
/// the database (an invoice number already used, a customer nobody knows). `code` is the stable
/// machine name; the message comes from `import.error.<messageKey>` in the reader's language.
struct ImportProblem: Sendable, Codable, Equatable {
    let line: Int
    var column: String?
    let field: String?
    let code: String
    let parameters: [String: String]
    /// Usually the code; a code with two wordings ("already in the file" / "already in Cartera") differs.
    let messageKey: String

    init(
        line: Int, column: String?, field: ImportField?, code: String, parameters: [String: String] = [:],
        messageKey: String? = nil
    ) {
        self.line = line
        self.column = column
        self.field = field?.rawValue
        self.code = code
        self.parameters = parameters
        self.messageKey = messageKey ?? code
    }

    init(_ error: ImportRowError) {
        self.init(
            line: error.line, column: error.column, field: error.field, code: error.code.name,
            parameters: error.code.parameters)
    }

    func message(_ localizer: Localizer, language: String) -> String {
        var arguments = parameters
        arguments["field"] = field ?? ""
        arguments["column"] = column ?? ""
        return localizer.text("import.error.\(messageKey)", language: language, arguments: arguments) ?? code
    }

    /// `line 7, column "Due Date" (due_date): …` — the CLI's and the logs' form.
    func describe(_ localizer: Localizer, language: String) -> String {
        var text = "line \(line)"
        if let column { text += ", column \"\(column)\"" }
        if let field { text += " (\(field))" }
        return text + ": " + message(localizer, language: language)
    }
}
