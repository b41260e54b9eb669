import Foundation

/// Builds the RFC 5322 / MIME text of an email: multipart/alternative with UTF-8 plain text and
/// HTML, each base64-encoded so any Spanish text survives every relay untouched.
enum MIMEMessage {
    static func render(_ message: OutgoingMessage, boundary: String = "cartera-" + UUID().uuidString.lowercased()) -> String {
        var headers = [
            "Message-ID: \(message.messageID)",
            "Date: \(rfc5322Date(message.date))",
            "From: \(mailbox(message.fromName, message.fromAddress))",
            "To: \(mailbox(message.toName, message.toAddress))",
            "Subject: \(encodedWord(message.subject))",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
            "Auto-Submitted: auto-generated",
        ]
        if let replyTo = message.replyTo { headers.append("Reply-To: \(replyTo)") }
        let parts = [("text/plain", message.text), ("text/html", message.html)].map { type, body in
            "--\(boundary)\r\nContent-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n\(base64Lines(body))"
        }
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + parts.joined(separator: "\r\n") + "\r\n--\(boundary)--\r\n"
    }

    /// `=?UTF-8?B?…?=` when the text is not plain ASCII (RFC 2047), else the text itself.
    static func encodedWord(_ text: String) -> String {
        let clean = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        guard clean.unicodeScalars.contains(where: { !$0.isASCII }) else { return clean }
        // Short encoded words (RFC 2047 limits each to 75 characters), split on character boundaries.
        var words: [String] = []
        var chunk = ""
        for character in clean {
            if Data((chunk + String(character)).utf8).count > 45 {
                words.append("=?UTF-8?B?\(Data(chunk.utf8).base64EncodedString())?=")
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(Data(chunk.utf8).base64EncodedString())?=") }
        return words.joined(separator: "\r\n ")
    }

    static func mailbox(_ name: String, _ address: String) -> String {
        let needsQuoting = name.contains { ",;:<>@\"()[]\\.".contains($0) }
        let display = name.unicodeScalars.contains(where: { !$0.isASCII }) ? encodedWord(name)
            : needsQuoting ? "\"\(name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\"" : name
        return name.isEmpty ? "<\(address)>" : "\(display) <\(address)>"
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
