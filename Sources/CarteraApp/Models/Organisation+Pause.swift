import CarteraCore
import Foundation

extension Organisation {
    /// The day the run sends again when the organisation is paused on `date`; nil: not paused that day.
    func pause(on date: LocalDate) -> LocalDate? {
        guard let text = pausedUntil, let resume = try? LocalDate(iso: text), resume > date else { return nil }
        return resume
    }
}

extension Organisation {
    /// While paused, when a message queued `now` may leave: the resume day's first minute in the
    /// organisation's time zone. Nil when not paused.
    func resumeInstant(after now: Date) -> Date? {
        let zone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")!
        guard let resume = pause(on: LocalDate.today(at: now, in: zone)) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: resume.year, month: resume.month, day: resume.day))
    }
}
