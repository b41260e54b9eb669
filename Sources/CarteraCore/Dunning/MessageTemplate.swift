import Foundation

/// A value a template can show: text, or a list of rows (the invoices in a reminder).
public enum TemplateValue: Hashable, Sendable {
    case text(String)
    case list([[String: TemplateValue]])
}

/// A small Mustache-like template: `{{name}}` inserts a value (HTML-escaped when rendering HTML),
/// `{{#list}}…{{/list}}` repeats for each row, `{{^list}}…{{/list}}` shows when the list is empty.
/// Parsed once; unknown names are caught when a template is saved, not when a customer is written to.
public struct MessageTemplate: Hashable, Sendable {
    indirect enum Node: Hashable, Sendable {
        case literal(String)
        case variable(String)
        case section(String, [Node], inverted: Bool)
    }

    let nodes: [Node]

    public init(_ source: String) throws {
        var parser = Parser(source: source)
        nodes = try parser.parse(until: nil)
    }

    /// Every name used, including those inside sections (qualified as "list.name").
    public var variableNames: Set<String> {
        func collect(_ nodes: [Node], prefix: String) -> Set<String> {
            nodes.reduce(into: Set<String>()) { names, node in
                switch node {
                case .literal: break
                case .variable(let name): names.insert(prefix + name)
                case .section(let name, let children, _):
                    names.insert(prefix + name)
                    names.formUnion(collect(children, prefix: prefix + name + "."))
                }
            }
        }
        return collect(nodes, prefix: "")
    }

    /// Fails with "unknown_variable" naming the first name not in `allowed`. Inside a list section
    /// ("invoices") a name may be a row field ("invoices.number") or any outer name; a section
    /// over a plain value is a condition and opens no new scope.
    public func validate(allowed: Set<String>, field: String) throws {
        func check(_ nodes: [Node], scopes: [String]) throws {
            for node in nodes {
                switch node {
                case .literal:
                    break
                case .variable(let name):
                    try resolve(name, scopes)
                case .section(let name, let children, _):
                    let qualified = try resolve(name, scopes)
                    let isList = allowed.contains { $0.hasPrefix(qualified + ".") }
                    try check(children, scopes: isList ? scopes + [qualified + "."] : scopes)
                }
            }
        }
        @discardableResult
        func resolve(_ name: String, _ scopes: [String]) throws -> String {
            if let match = scopes.reversed().map({ $0 + name }).first(where: allowed.contains) { return match }
            throw DomainError(
                code: "unknown_variable", field: field,
                message:
                    "{{\(name)}} is not a template variable; use one of \(allowed.sorted().joined(separator: ", "))")
        }
        try check(nodes, scopes: [""])
    }

    public func render(_ values: [String: TemplateValue], escapingHTML: Bool) -> String {
        render(nodes, scopes: [values], escapingHTML: escapingHTML)
    }

    func render(_ nodes: [Node], scopes: [[String: TemplateValue]], escapingHTML: Bool) -> String {
        func lookup(_ name: String) -> TemplateValue? { scopes.reversed().lazy.compactMap { $0[name] }.first }
        var output = ""
        for node in nodes {
            switch node {
            case .literal(let text):
                output += text
            case .variable(let name):
                if case .text(let value)? = lookup(name) { output += escapingHTML ? Self.escapeHTML(value) : value }
            case .section(let name, let children, let inverted):
                let rows: [[String: TemplateValue]]
                switch lookup(name) {
                case .list(let list)?: rows = list
                case .text(let text)?: rows = text.isEmpty ? [] : [[:]]
                case nil: rows = []
                }
                if inverted {
                    if rows.isEmpty { output += render(children, scopes: scopes, escapingHTML: escapingHTML) }
                } else {
                    for row in rows { output += render(children, scopes: scopes + [row], escapingHTML: escapingHTML) }
                }
            }
        }
        return output
    }

    public static func escapeHTML(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    struct Parser {
        let source: String
        var index: String.Index

        init(source: String) {
            self.source = source
            index = source.startIndex
        }

        mutating func parse(until closing: String?) throws -> [Node] {
            var nodes: [Node] = []
            while index < source.endIndex {
                guard let open = source.range(of: "{{", range: index..<source.endIndex) else {
                    nodes.append(.literal(String(source[index...])))
                    index = source.endIndex
                    break
                }
                if open.lowerBound > index { nodes.append(.literal(String(source[index..<open.lowerBound]))) }
                guard let close = source.range(of: "}}", range: open.upperBound..<source.endIndex) else {
                    throw DomainError(code: "invalid_template", message: "A {{ is never closed")
                }
                let tag = source[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                index = close.upperBound
                switch tag.first {
                case "#", "^":
                    let name = try Self.name(String(tag.dropFirst()))
                    let children = try parse(until: name)
                    nodes.append(.section(name, children, inverted: tag.first == "^"))
                case "/":
                    let name = try Self.name(String(tag.dropFirst()))
                    guard name == closing else {
                        throw DomainError(code: "invalid_template", message: "{{/\(name)}} closes nothing that is open")
                    }
                    return nodes
                default:
                    nodes.append(.variable(try Self.name(tag)))
                }
            }
            if let closing { throw DomainError(code: "invalid_template", message: "{{#\(closing)}} is never closed") }
            return nodes
        }

        static func name(_ text: String) throws -> String {
            let name = text.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                throw DomainError(code: "invalid_template", message: "\"\(text)\" is not a variable name")
            }
            return name
        }
    }
}
