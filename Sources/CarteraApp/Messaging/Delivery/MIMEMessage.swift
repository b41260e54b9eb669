import CarteraCore
import Foundation

/// Builds the RFC 5322 / MIME text of an email: multipart/alternative with UTF-8 plain text and
/// HTML, each base64-encoded so any Spanish text survives every relay untouched.
///
/// Header values come partly from people (a contact's name, the organisation's name, a template's
/// subject), so the writer trusts none of them: a value with CR, LF or any other control character
/// is refused (`TransportError`, permanent: the outbox marks the message failed with the reason
/// instead of sending it) — input validation refuses them too, but rows stored before it did must
/// not inject a `Bcc:` either. Non-ASCII values go out as RFC 2047 encoded words; addresses must
/// be plain `local@domain` with nothing that could end or extend a header.
enum MIMEMessage {
    static func render(_ message: OutgoingMessage, boundary: String = "cartera-" + UUID().uuidString.lowercased())
        throws -> String
    {
        try requireAddress(message.fromAddress, "From")
        try requireAddress(message.toAddress, "To")
        if let replyTo = message.replyTo { try requireAddress(replyTo, "Reply-To") }
        try requireHeaderSafe(message.messageID, "Message-ID")
        let from = try mailbox(message.fromName, message.fromAddress, header: "From")
        let to = try mailbox(message.toName, message.toAddress, header: "To")
        let subject = try encodedWord(message.subject, header: "Subject")
        var headers = [
            "Message-ID: \(message.messageID)",
            "Date: \(rfc5322Date(message.date))",
            "From: \(from)",
            "To: \(to)",
            "Subject: \(subject)",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
            "Auto-Submitted: auto-generated",
        ]
        if let replyTo = message.replyTo { headers.append("Reply-To: <\(replyTo)>") }
        let parts = [("text/plain", message.text), ("text/html", message.html)].map { type, body in
            "--\(boundary)\r\nContent-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n\(base64Lines(body))"
        }
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + parts.joined(separator: "\r\n")
            + "\r\n--\(boundary)--\r\n"
    }

    /// `=?UTF-8?B?…?=` when the text is not plain ASCII (RFC 2047), or is long enough to need
    /// folding, or could be mistaken for an encoded word; else the text itself. Refuses control
    /// characters: folding is ours to do, never the value's.
    static func encodedWord(_ text: String, header: String) throws -> String {
        try requireHeaderSafe(text, header)
        let needsEncoding = text.unicodeScalars.contains { !$0.isASCII } || text.utf8.count > 900 || text.contains("=?")
        guard needsEncoding else { return text }
        // Short encoded words (RFC 2047 limits each to 75 characters), split on character boundaries.
        var words: [String] = []
        var chunk = ""
        for character in text {
            if Data((chunk + String(character)).utf8).count > 45 {
                words.append("=?UTF-8?B?\(Data(chunk.utf8).base64EncodedString())?=")
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(Data(chunk.utf8).base64EncodedString())?=") }
        return words.joined(separator: "\r\n ")
    }

    static func mailbox(_ name: String, _ address: String, header: String) throws -> String {
        try requireAddress(address, header)
        guard !name.isEmpty else { return "<\(address)>" }
        try requireHeaderSafe(name, header)
        if name.unicodeScalars.contains(where: { !$0.isASCII }) || name.utf8.count > 900 || name.contains("=?") {
            let encoded = try encodedWord(name, header: header)
            return "\(encoded) <\(address)>"
        }
        let needsQuoting = name.contains { ",;:<>@\"()[]\\.".contains($0) }
        let display =
            needsQuoting
            ? "\"\(name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\""
            : name
        return "\(display) <\(address)>"
    }

    /// CR, LF or another control character in a header value: never written, whatever the value.
    static func requireHeaderSafe(_ value: String, _ header: String) throws {
        guard SafeText.isHeaderSafe(value) else {
            throw TransportError(
                description:
                    "refused to write the \(header) header: its value contains a line break or another control character",
                isPermanent: true)
        }
    }

    static func requireAddress(_ address: String, _ header: String) throws {
        guard EmailAddress.isSafeForTransport(address) else {
            throw TransportError(
                description: "refused to write the \(header) header: the address is not a plain local@domain address",
                isPermanent: true)
        }
    }

    static func base64Lines(_ text: String) -> String {
        let encoded = Data(text.utf8).base64EncodedString()
        var lines: [Substring] = []
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(encoded[index..<end])
            index = end
        }
        return lines.joined(separator: "\r\n")
    }

    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
