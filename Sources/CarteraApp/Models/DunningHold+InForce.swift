import CarteraCore
import SQLKit

/// When a hold stops reminders, in SQL: not released, started on or before the day and not ended
/// before it (an open end lasts until released). The one spelling every query that asks uses.
enum SQLHold {
    /// The condition on the `dunning_holds` row aliased `alias` for a hold in force on `day`.
    static func inForce(_ alias: String, on day: LocalDate) -> SQLQueryString {
        let hold = "\(alias)."
        return """
            \(unsafeRaw: hold)released_at IS NULL AND \(unsafeRaw: hold)starts_on <= \(bind: day.iso)
            AND (\(unsafeRaw: hold)ends_on IS NULL OR \(unsafeRaw: hold)ends_on >= \(bind: day.iso))
            """
    }
}
