/// When the daily reminder run next sends: the first working day from today whose reminder hour has not
/// passed yet (today when it is still before the hour), not before the day a pause ends.
public struct NextRun: Hashable, Sendable {
    public let date: LocalDate
    public let hour: Int
    /// The run is held by an organisation-wide pause until `date`.
    public let afterPause: Bool

    public init(date: LocalDate, hour: Int, afterPause: Bool) {
        self.date = date
        self.hour = hour
        self.afterPause = afterPause
    }

    /// - Parameters:
    ///   - today: the organisation's date now; `localHour` its hour now.
    ///   - pausedUntil: the first day the run sends again, when paused.
    public static func after(
        today: LocalDate, localHour: Int, reminderHour: Int, calendar: WorkingCalendar, pausedUntil: LocalDate?
    ) -> NextRun {
        var day = localHour < reminderHour ? today : today.addingClamped(days: 1)
        var afterPause = false
        if let pausedUntil, pausedUntil > today, pausedUntil > day {
            day = pausedUntil
            afterPause = true
        } else if let pausedUntil, pausedUntil > today {
            afterPause = true
        }
        // A calendar without any working day would loop forever: a year is as far as anyone plans.
        var tries = 0
        while !calendar.isWorkingDay(day) && tries < 366 {
            day = day.addingClamped(days: 1)
            tries += 1
        }
        return NextRun(date: day, hour: reminderHour, afterPause: afterPause)
    }
}
