import Foundation

/// A rendered template cut where a layout draws a section itself: the HTML email shows the
/// `{{#invoices}}` section as a table and the `{{#portal_link}}` section as a button, in the place
/// the template puts them, while the text part keeps the template's own wording.
public enum RenderedPiece: Hashable, Sendable {
    case text(String)
    /// A top-level section named in `blocks` that has something to show (a non-empty list or value).
    case block(String)
}

extension MessageTemplate {
    /// Like `render`, but each top-level section named in `blocks` becomes a `.block` piece instead
    /// of its rendered children; an empty one leaves nothing, as it would in `render`.
    public func pieces(_ values: [String: TemplateValue], escapingHTML: Bool, blocks: Set<String>) -> [RenderedPiece] {
        var pieces: [RenderedPiece] = []
        var pending: [Node] = []
        func flush() {
            guard !pending.isEmpty else { return }
            pieces.append(.text(render(pending, scopes: [values], escapingHTML: escapingHTML)))
            pending = []
        }
        for node in nodes {
            guard case .section(let name, _, inverted: false) = node, blocks.contains(name) else {
                pending.append(node)
                continue
            }
            flush()
            switch values[name] {
            case .list(let rows)? where !rows.isEmpty: pieces.append(.block(name))
            case .text(let text)? where !text.isEmpty: pieces.append(.block(name))
            default: break
            }
        }
        flush()
        return pieces
    }
}
