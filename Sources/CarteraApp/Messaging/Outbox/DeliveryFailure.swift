import Foundation

/// Why a message was not delivered, in a few kinds a person can act on, read from the reason the
/// transport gave (`OutboxMessage.lastError`: an SMTP reply, the SMS gateway's status, an interruption).
enum DeliveryFailure: String, CaseIterable, Sendable {
    /// The worker stopped after handing the message over: it may have gone out.
    case interrupted
    /// The mail server says the address does not exist or refuses it (a bounce), or it is not an address.
    case addressRejected = "address_rejected"
    /// The mail server refused the message itself.
    case messageRejected = "message_rejected"
    /// The SMS gateway refused it (usually the number).
    case smsRefused = "sms_refused"
    /// The server or gateway could not be reached or did not answer: retrying may work.
    case unreachable
    /// A header would have carried a line break: never written.
    case unsafeContent = "unsafe_content"
    case other

    init(reason: String) {
        let text = reason.lowercased()
        let smtpCode = text.firstMatch(of: /smtp(?: [a-z]+:)? ([245])\d\d/).map { String($0.1) }
        if text.contains("interrupted during delivery") {
            self = .interrupted
        } else if text.contains("not a plain local@domain") || text.contains("5.1.") || text.contains("user unknown")
            || text.contains("mailbox unavailable") || text.contains("recipient address rejected")
        {
            self = .addressRejected
        } else if text.contains("line break") || text.contains("control character") {
            self = .unsafeContent
        } else if text.contains("sms gateway refused") {
            self = .smsRefused
        } else if smtpCode == "5" {
            self = .messageRejected
        } else if smtpCode == "4" || text.contains("did not answer") || text.contains("closed the connection")
            || text.contains("sms gateway failed") || text.contains("connect") || text.contains("timed out")
        {
            self = .unreachable
        } else {
            self = .other
        }
    }
}
