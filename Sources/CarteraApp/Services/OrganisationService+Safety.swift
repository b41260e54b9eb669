import CarteraCore
import Foundation

extension OrganisationService {
    /// The safety check's settings, the organisation-wide pause and the morning email of what goes out.
    static func updateSafetySettings(
        _ input: OrganisationUpdate, of organisation: Organisation, today: LocalDate, changes: inout [String: String]
    ) throws {
        if let days = input.statementStaleDays {
            guard (1...60).contains(days) else {
                throw ServiceError.invalid(
                    "statement_stale_days", code: "out_of_range", "statement_stale_days must be between 1 and 60")
            }
            organisation.statementStaleDays = days
            changes["statement_stale_days"] = String(days)
        }
        if let mode = input.statementStaleMode {
            organisation.statementStaleMode = try FieldParser.enumValue(
                mode, StaleStatementMode.self, "statement_stale_mode")
            changes["statement_stale_mode"] = mode
        }
        if let until = input.pausedUntil {
            // Empty resumes now; a day must be after today (a pause that ends today pauses nothing).
            if until.isEmpty {
                organisation.pausedUntil = nil
            } else {
                let date = try FieldParser.date(until, "paused_until")
                guard date > today else {
                    throw ServiceError.invalid("paused_until", "paused_until must be after today")
                }
                organisation.pausedUntil = date.iso
            }
            changes["paused_until"] = until
        }
        if let digest = input.outgoingDigest {
            organisation.outgoingDigest = digest
            changes["outgoing_digest"] = String(digest)
        }
    }
}
