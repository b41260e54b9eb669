import CarteraCore
import Foundation

/// "Próximo envío: hoy a las 8:00", "mañana, lunes 7 dic 2026, a las 8:00", "en pausa hasta …": when the
/// daily run next sends, in the organisation's time zone, for the dashboard and the outgoing page.
enum NextRunText {
    static func words(_ next: NextRun, today: LocalDate, format: PageFormat) -> String {
        let arguments = [
            "time": "\(next.hour):00", "date": format.date(next.date),
            "weekday": format.text("next_run.weekday.\(next.date.weekday)"),
        ]
        if next.afterPause { return format.text("next_run.paused", arguments) }
        switch today.days(until: next.date) {
        case 0: return format.text("next_run.today", arguments)
        case 1: return format.text("next_run.tomorrow", arguments)
        default: return format.text("next_run.later", arguments)
        }
    }

    /// For `serve`'s start log: "Monday 2026-12-07 08:00 America/Bogota".
    static func log(_ next: NextRun, timeZone: String) -> String {
        let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let hour = next.hour < 10 ? "0\(next.hour)" : "\(next.hour)"
        return "\(weekdays[(next.date.weekday - 1) % 7]) \(next.date.iso) \(hour):00 \(timeZone)"
            + (next.afterPause ? " (paused until then)" : "")
    }
}
