import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A minimal element tree read with Foundation's XMLParser. Statement files are small enough
/// (megabytes) to hold in memory, and walking a tree keeps the camt mapping readable where a
/// streaming delegate would be a state machine.
///
/// Bounded, because the file comes from whoever can upload one: at most `maximumDepth` levels
/// (camt.053 needs about 12; a 0.7 MB file nested 100,000 deep used to overflow the stack when the
/// tree was freed, element inside element), at most `maximumElements` elements, and no DOCTYPE at
/// all (no statement format needs one; entity declarations are how "billion laughs" and external
/// entities get in). The parser is stopped the moment a limit is passed, so a hostile file costs
/// milliseconds. The tree is built with an explicit stack, never by recursion.
enum XMLTree {
    /// Deeper than any bank or e-invoice format (camt.053 ~12, UBL ~15).
    static let maximumDepth = 64
    /// An entry is some 20–40 elements: a million is tens of thousands of entries, more than a
    /// month of a busy account; for real files the upload limit (50 MB by default) comes first.
    static let maximumElements = 1_000_000

    struct Element {
        /// The local name: namespace prefixes are dropped because camt versions differ only in
        /// their namespace URI, and banks use default or prefixed namespaces at will.
        let name: String
        var attributes: [String: String] = [:]
        var text = ""
        var children: [Element] = []

        func children(_ name: String) -> [Element] { children.filter { $0.name == name } }

        /// The first element down a path of local names: `element.first("Acct", "Id", "IBAN")`.
        func first(_ path: String...) -> Element? { first(path: path[...]) }

        func first(path: ArraySlice<String>) -> Element? {
            guard let head = path.first else { return self }
            return children.first { $0.name == head }?.first(path: path.dropFirst())
        }

        /// The trimmed text down a path, or nil when the element is missing or blank.
        func text(_ path: String...) -> String? { StatementText.nonEmpty(first(path: path[...])?.text) }
    }

    struct Malformed: Error {
        let line: Int
        let message: String
    }

    static func parse(_ data: Data) throws(Malformed) -> Element {
        guard !data.isEmpty else { throw Malformed(line: 0, message: "the file is empty") }
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil {
            throw Malformed(
                line: 1,
                message:
                    "the file has a DOCTYPE declaration, which statement files never need and which is refused (entity expansion)"
            )
        }
        // Foundation's XMLParser on Linux crashes on an element name that is not valid UTF-8 (found
        // by fuzzing), so a document that does not declare another encoding must be valid UTF-8.
        if !declaresOtherEncoding(data), String(data: data, encoding: .utf8) == nil {
            throw Malformed(
                line: 1, message: "the file is not valid UTF-8, and its XML declaration names no other encoding")
        }
        let parser = XMLParser(data: data)
        // Statement files never need external entities; resolving them would let a file read local paths.
        parser.shouldResolveExternalEntities = false
        let builder = Builder()
        parser.delegate = builder
        // On Linux parse() can return true for a document cut short, so the error and an element
        // tree that closed its root are checked as well.
        let parsed = parser.parse()
        if let limit = builder.limitPassed { throw Malformed(line: parser.lineNumber, message: limit) }
        guard parsed, parser.parserError == nil, builder.stack.isEmpty, let root = builder.root else {
            throw Malformed(line: parser.lineNumber, message: "not a well-formed XML document (\(reason(parser)))")
        }
        return root
    }

    /// `<?xml … encoding="ISO-8859-1"?>`: the parser converts such a file itself.
    private static func declaresOtherEncoding(_ data: Data) -> Bool {
        guard let head = String(data: data.prefix(200), encoding: .isoLatin1)?.lowercased(), head.hasPrefix("<?xml"),
            let declaration = head.split(separator: ">").first, let range = declaration.range(of: "encoding=")
        else { return false }
        let value = declaration[range.upperBound...].dropFirst().prefix { $0 != "\"" && $0 != "'" }
        return !["utf-8", "utf8"].contains(String(value))
    }

    /// XMLParser's own descriptions are "The operation could not be completed" on Linux; the
    /// common failures get words a user can act on, the rest their code and column. The codes are
    /// libxml2's, which Darwin uses too; `XMLParser.ErrorCode` is numbered differently on Linux.
    private static func reason(_ parser: XMLParser) -> String {
        guard let error = parser.parserError as NSError? else {
            return "the root element is never closed: is the file truncated?"
        }
        switch error.code {
        case 3, 4: return "the file does not start like XML"
        case 5: return "the document ends early or has text after its end: is the file truncated?"
        case 76: return "an element is closed by a tag with another name"
        default: return "XML error \(error.code) at column \(parser.columnNumber)"
        }
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [Element] = []
        var root: Element?
        var elements = 0
        /// Why parsing was stopped early, in words for the user.
        var limitPassed: String?

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            guard limitPassed == nil else { return }
            elements += 1
            if stack.count >= XMLTree.maximumDepth {
                stop(
                    parser,
                    "elements are nested more than \(XMLTree.maximumDepth) levels deep; no statement format needs that many"
                )
            } else if elements > XMLTree.maximumElements {
                stop(parser, "the file has more than \(XMLTree.maximumElements) elements")
            } else {
                stack.append(Element(name: Self.localName(elementName), attributes: attributeDict))
            }
        }

        /// A DOCTYPE hidden from the byte check (another encoding) is still refused at its first declaration.
        func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
            stop(parser, "the file declares entities, which statement files never need and which is refused")
        }

        func parser(
            _ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?,
            systemID: String?
        ) {
            stop(parser, "the file declares entities, which statement files never need and which is refused")
        }

        private func stop(_ parser: XMLParser, _ reason: String) {
            guard limitPassed == nil else { return }
            limitPassed = reason
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard limitPassed == nil, !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            guard limitPassed == nil, !stack.isEmpty, let string = String(data: CDATABlock, encoding: .utf8) else {
                return
            }
            stack[stack.count - 1].text += string
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
        ) {
            guard limitPassed == nil, let element = stack.popLast() else { return }
            if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(element) }
        }

        private static func localName(_ name: String) -> String {
            guard let colon = name.lastIndex(of: ":") else { return name }
            return String(name[name.index(after: colon)...])
        }
    }
}
