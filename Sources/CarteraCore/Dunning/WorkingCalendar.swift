/// Which days reminders go out on. Nothing is sent on weekends or holidays; whatever fell due
/// then goes out on the next working day (as one message, never a burst).
public struct WorkingCalendar: Hashable, Codable, Sendable {
    /// ISO weekdays, 1 = Monday … 7 = Sunday.
    public let workingWeekdays: Set<Int>
    public let holidays: Set<LocalDate>

    public init(workingWeekdays: Set<Int> = [1, 2, 3, 4, 5], holidays: Set<LocalDate> = []) {
        self.workingWeekdays = workingWeekdays
        self.holidays = holidays
    }

    public static let everyDay = WorkingCalendar(workingWeekdays: Set(1...7))

    public func isWorkingDay(_ date: LocalDate) -> Bool {
        workingWeekdays.contains(date.weekday) && !holidays.contains(date)
    }
}
