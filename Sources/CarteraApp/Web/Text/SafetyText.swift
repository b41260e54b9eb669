import CarteraCore
import Foundation

/// The safety check in words: why a message is held, and the warning about an old (or missing) statement.
enum SafetyText {
    static func reason(_ reason: SafetyHoldReason, format: PageFormat) -> String {
        let localizer = format.composer.localizer
        let language = format.composer.language
        return reason.words(format.money, date: format.date) { key, arguments in
            localizer.text(key, language: language, arguments: arguments) ?? key
        }
    }

    /// Nil when the statement is recent.
    static func statementWarning(
        _ freshness: StatementFreshness, mode: StaleStatementMode, allowedDays: Int, format: PageFormat
    ) -> String? {
        switch freshness {
        case .fresh: return nil
        case .neverImported: return format.text("safety.statement.never")
        case .stale(let last, _):
            let arguments = ["date": format.date(last), "days": String(allowedDays)]
            switch mode {
            case .hold: return format.text("safety.statement.stale_hold", arguments)
            case .warn: return format.text("safety.statement.stale_warn", arguments)
            }
        }
    }
}
