import CarteraCore
import Foundation

/// What a transport needs to send one outbox message.
struct OutgoingMessage: Sendable {
    let channel: ReminderChannel
    /// RFC 5322 Message-ID, the same on every attempt, so a duplicate after a crash is recognisable.
    let messageID: String
    let fromName: String
    let fromAddress: String
    let replyTo: String?
    let toName: String
    let toAddress: String
    let subject: String
    let text: String
    let html: String
    let date: Date
}

/// Sends messages of one channel. Implementations: SMTP, file (maildir-like) and SMS webhook.
protocol MessageTransport: Sendable {
    func deliver(_ message: OutgoingMessage) async throws
}

struct TransportError: Error, CustomStringConvertible {
    let description: String
    /// Permanent failures (address rejected) are not retried.
    var isPermanent = false
}
