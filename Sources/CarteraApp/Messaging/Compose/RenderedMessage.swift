import CarteraCore
import Foundation

/// A message ready to store and send: the same template rendered as plain text and as escaped HTML.
struct RenderedMessage: Sendable, Equatable {
    let subject: String
    let text: String
    let html: String

    /// With an `email` layout the HTML is the designed email (`EmailLayout`); without one (letters,
    /// SMS) it is the body's paragraphs, ready to print.
    init(source: TemplateCatalog.Source, values: [String: TemplateValue], email: EmailLayout? = nil) throws {
        subject = try MessageTemplate(source.subject).render(values, escapingHTML: false)
            .replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
        let body = try MessageTemplate(source.body)
        text = body.render(values, escapingHTML: false)
        html =
            email?.html(subject: subject, body: body, values: values)
            ?? Self.layout(body.render(values, escapingHTML: true), title: MessageTemplate.escapeHTML(subject))
    }

    /// Paragraphs from blank lines, line breaks kept: readable in every mail client, no remote content.
    static func layout(_ escapedBody: String, title: String) -> String {
        let paragraphs = escapedBody.components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .newlines) }.filter { !$0.isEmpty }
            .map { "<p>\($0.replacingOccurrences(of: "\n", with: "<br>\n"))</p>" }
        return """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>\(title)</title></head>
            <body style="font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #1f2937; max-width: 640px;">
            \(paragraphs.joined(separator: "\n"))
            </body></html>
            """
    }
}
