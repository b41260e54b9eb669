import CarteraCore
import Foundation

extension PageFormat {
    /// An instant as the reader's day in words and the time of day in the given zone (the
    /// organisation's): "15 mar 2026, 08:00".
    func instant(_ instant: Date?, in timeZone: TimeZone) -> String {
        guard let instant else { return "" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        let day = date(LocalDate.today(at: instant, in: timeZone))
        return day + String(format: ", %02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }
}
