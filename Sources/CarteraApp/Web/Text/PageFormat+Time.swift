import CarteraCore
import Foundation

/// Moments (a day and a time) in the organisation's time zone: "15 mar 2026, 10:22".
extension PageFormat {
    var timeZone: TimeZone { TimeZone(identifier: composer.organisation.timeZone) ?? TimeZone(identifier: "UTC")! }

    func moment(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        guard let year = c.year, let month = c.month, let day = c.day,
            let date = try? LocalDate(year: year, month: month, day: day)
        else { return "" }
        return text(
            "moment", ["date": self.date(date), "time": String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)])
    }

    /// An ISO 8601 timestamp as stored in details ("2026-04-14T15:00:00Z"), as a moment.
    func moment(iso text: String) -> String? {
        let parser = ISO8601DateFormatter()
        guard let instant = parser.date(from: text) else { return nil }
        return moment(instant)
    }
}
