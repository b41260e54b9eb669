/// One problem in an import file: the 1-based line the record starts on (as a text editor numbers
/// it), the column as the file names it and the field it feeds (both nil for whole-row problems).
public struct ImportRowError: Error, Hashable, Codable, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: String?
    public let field: ImportField?
    public let code: ImportErrorCode

    public init(line: Int, column: String? = nil, field: ImportField? = nil, code: ImportErrorCode) {
        self.line = line
        self.column = column
        self.field = field
        self.code = code
    }

    public var description: String {
        let parameters = code.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
            separator: " ")
        return
            "line \(line)\(field.map { " \($0.rawValue)" } ?? ""): \(code.name)\(parameters.isEmpty ? "" : " " + parameters)"
    }
}
