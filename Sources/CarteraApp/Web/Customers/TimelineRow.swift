import CarteraCore
import Foundation

/// A timeline entry as the customer page and the case file show it: the day in words (and the time,
/// when it has one) and what it is by name; `kind` stays only as the row's style class.
struct TimelineRow: Encodable, Sendable {
    let at: String
    let kind: String
    let what: String
    let summary: String
    let detail: String
    let link: String?

    init(_ entry: TimelineEntry, format: PageFormat, text: (String, [String: String]) -> String) {
        let time = entry.at.dropFirst(10).trimmingCharacters(in: .whitespaces)
        let day = format.date(String(entry.at.prefix(10)))
        at = time.isEmpty ? day : "\(day) \(time)"
        kind = entry.kind
        what = text("timeline.kind.\(entry.kind)", [:])
        summary = entry.summary
        detail = entry.detail
        link = entry.link
    }
}
