/// A broken business rule, with a machine code (snake_case) and the field at fault when known.
public struct DomainError: Error, Equatable, Sendable, CustomStringConvertible {
    public let code: String
    public let field: String?
    public let message: String

    public init(code: String, field: String? = nil, message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
