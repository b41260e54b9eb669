import CarteraCore
import Foundation

extension MessagePage.Context {
    /// Formatting only: the message's words, days and times (in the organisation's zone), and which actions apply.
    init(message: OutboxMessage, customer: Customer, step: MessageStep?, format: PageFormat, timeZone: TimeZone)
        throws
    {
        let text = format.text
        let id = try message.requireID()
        let retryable = [.failed, .cancelled].contains(message.status) && message.channel.isTransmitted
        let cancellable = [.pending, .failed, .ready].contains(message.status)
        self.init(
            id: id.uuidString, subject: MessagesPage.Context.headline(message), recipient: message.recipientName,
            address: message.recipientAddress, customer: customer.legalName,
            customerURL: AppURL.customer(message.$customer.id),
            channel: text("channel.\(message.channel.rawValue)", [:]), isEmail: message.channel == .email,
            isSMS: message.channel == .sms, isLetter: message.channel == .letter, step: step?.words(text) ?? "",
            status: message.status.rawValue,
            statusLabel: message.channel == .letter
                ? LettersPage.status(message, format: format, timeZone: timeZone)
                : text("message.status.\(message.status.rawValue)", [:]),
            failure: MessagesPage.Context.failure(message, text: text),
            technicalReason: message.status == .failed ? message.lastError : nil,
            queuedAt: format.instant(message.createdAt, in: timeZone),
            sentAt: message.sentAt.map { format.instant($0, in: timeZone) },
            attempts: format.integer(Int64(message.attempts)), bodyText: message.bodyText,
            viewURL: AppURL.messageView(id), letterURL: message.channel == .letter ? AppURL.letter(id) : nil,
            retryURL: retryable ? AppURL.messageRetry(id) : nil,
            cancelURL: cancellable ? AppURL.messageCancel(id) : nil)
    }
}
