import CarteraCore
import Foundation
import Vapor

/// When the in-process scheduler runs the day's reminders: whether it runs at all in this server, and
/// the local hour it starts from when an organisation set none. Read by the dashboard, the outgoing
/// page and `serve`'s start log, so all three say the same as `BackgroundJobs.runReminders` does.
struct ReminderSchedule: Sendable {
    var enabled: Bool
    var defaultHour: Int

    /// The next run that sends for this organisation, from `now`.
    func next(for organisation: Organisation, now: Date, calendar: WorkingCalendar) -> NextRun {
        let zone = TimeZone(identifier: organisation.timeZone) ?? TimeZone(identifier: "UTC")!
        let today = LocalDate.today(at: now, in: zone)
        return NextRun.after(
            today: today, localHour: BackgroundJobs.localHour(at: now, in: zone),
            reminderHour: organisation.reminderHour ?? defaultHour, calendar: calendar,
            pausedUntil: organisation.pausedUntil.flatMap { try? LocalDate(iso: $0) })
    }
}

extension Application {
    private struct ReminderScheduleKey: StorageKey { typealias Value = ReminderSchedule }
    var reminderSchedule: ReminderSchedule {
        get { storage[ReminderScheduleKey.self] ?? ReminderSchedule(enabled: false, defaultHour: 8) }
        set { storage[ReminderScheduleKey.self] = newValue }
    }
}

extension DunningSettings {
    /// The working calendar alone, without reading the policies.
    static func calendar(of organisation: Organisation) -> WorkingCalendar {
        WorkingCalendar(
            workingWeekdays: Set(StoredList<Int>.decode(organisation.workingWeekdays)),
            holidays: Set(StoredList<LocalDate>.decode(organisation.holidays)))
    }
}
