import CarteraCore
import Foundation

extension MessagesPage.Context {
    /// Formatting only: words, days and times (in the organisation's zone) from what `MessagesPageData.read` found.
    init(data: MessagesPageData, format: PageFormat, timeZone: TimeZone) throws {
        let text = format.text
        let names = Dictionary(uniqueKeysWithValues: try data.customers.map { (try $0.requireID(), $0.legalName) })
        let rows = try data.messages.map { message in
            let id = try message.requireID()
            return Row(
                url: AppURL.message(id), when: format.instant(message.sentAt ?? message.createdAt, in: timeZone),
                customer: names[message.$customer.id] ?? "", customerURL: AppURL.customer(message.$customer.id),
                channel: text("channel.\(message.channel.rawValue)", [:]),
                step: data.steps[id]?.words(text) ?? "", subject: MessagesPage.Context.headline(message),
                status: message.status.rawValue,
                statusLabel: message.channel == .letter
                    ? LettersPage.status(message, format: format, timeZone: timeZone)
                    : text("message.status.\(message.status.rawValue)", [:]),
                failure: MessagesPage.Context.failure(message, text: text))
        }
        let query = data.query
        func options(_ values: [String], prefix: String, selected: String?) -> [Option] {
            values.map { Option(value: $0, label: text("\(prefix)\($0)", [:]), selected: $0 == selected) }
        }
        let pages = max(1, (data.total.count + data.page.perPage - 1) / data.page.perPage)
        func link(_ page: Int) -> String {
            AppURL.messages(
                status: query.status ?? "", channel: query.channel ?? "",
                customer: query.customerId?.uuidString ?? "", from: query.from ?? "", to: query.to ?? "", page: page)
        }
        let hasMore = data.page.page < pages || !data.total.isExact
        self.init(
            rows: rows, total: format.integer(Int64(data.total.count)),
            statuses: options(OutboxStatus.allCases.map(\.rawValue), prefix: "message.status.", selected: query.status),
            channels: options(
                ReminderChannel.allCases.filter(\.hasTemplate).map(\.rawValue), prefix: "channel.",
                selected: query.channel),
            customers: try data.customers.map {
                let id = try $0.requireID()
                return Option(value: id.uuidString, label: $0.legalName, selected: id == query.customerId)
            }, from: query.from ?? "", to: query.to ?? "",
            pager: Pager(
                page: data.page.page, pages: format.integer(Int64(pages)),
                previous: data.page.page > 1 ? link(data.page.page - 1) : nil,
                next: hasMore && data.messages.count == data.page.perPage ? link(data.page.page + 1) : nil))
    }

    /// The subject, or for a text message (which has none) the start of its text.
    static func headline(_ message: OutboxMessage) -> String {
        guard message.subject.isEmpty else { return message.subject }
        let text = message.bodyText.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.count > 60 ? String(text.prefix(60)) + "…" : text
    }

    /// Why a failed message did not go out, in words; nil for every other state.
    static func failure(_ message: OutboxMessage, text: (String, [String: String]) -> String) -> String? {
        guard message.status == .failed else { return nil }
        return text("message.failure.\(DeliveryFailure(reason: message.lastError ?? "").rawValue)", [:])
    }
}
