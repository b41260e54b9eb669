/// When the people who work accounts get the morning email of what the day's run sends: on a day the
/// run sends, from two hours before its hour (not before midnight) until the run starts — after it
/// there is nothing left to announce. While the organisation is paused, on each working day from the
/// same hour, one line saying until when.
public enum StaffDigestDue: Hashable, Sendable {
    /// Today's run, still to come.
    case planned
    /// Paused; the run sends again on that day.
    case paused(until: LocalDate)

    public static let leadHours = 2

    /// The local hour the digest goes out from, for a run at `reminderHour`.
    public static func hour(reminderHour: Int) -> Int { max(0, reminderHour - leadHours) }

    /// - Parameters:
    ///   - next: the next run as seen now (`NextRun.after`); its hour is the organisation's reminder hour.
    ///   - pausedUntil: the resume day when the organisation is paused today.
    public static func on(
        _ today: LocalDate, localHour: Int, next: NextRun, pausedUntil: LocalDate?, calendar: WorkingCalendar
    ) -> StaffDigestDue? {
        guard localHour >= hour(reminderHour: next.hour) else { return nil }
        if let pausedUntil { return calendar.isWorkingDay(today) ? .paused(until: pausedUntil) : nil }
        return next.date == today && !next.afterPause ? .planned : nil
    }
}
