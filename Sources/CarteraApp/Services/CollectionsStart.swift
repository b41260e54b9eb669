import CarteraCore
import Fluent
import Foundation

/// The day an organisation's collections started (see `DunningFacts.collectionsStart`): invoices due
/// before it get a first notice rather than the policy's latest step. Set once, automatically, by
/// whichever comes first — the first daily pass (to its day) or the first import (to the day it is
/// published) — and changed by an admin on the settings page or `PATCH /api/v1/organisation`.
enum CollectionsStart {
    /// Sets it to `day` when the organisation has none yet, with its audit event; otherwise nothing.
    static func ensure(on day: LocalDate, in context: ServiceContext) async throws {
        guard context.organisation.collectionsStart == nil else { return }
        try await context.transaction { tx in
            // Read again inside the transaction: another server (or an import) may have set it.
            guard let organisation = try await Organisation.find(tx.organisationID, on: tx.db),
                organisation.collectionsStart == nil
            else { return }
            organisation.collectionsStart = day.iso
            try await organisation.save(on: tx.db)
            try await AuditLog.record(
                "organisation.collections_started", entityType: "organisation", entityID: tx.organisationID,
                details: ["collections_start": day.iso], in: tx)
        }
        context.organisation.collectionsStart = day.iso
    }

    /// "2026-10-06" (or empty, to start again on the next pass or import) as typed by an admin.
    static func parse(_ text: String) throws -> LocalDate? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        guard let day = try? LocalDate(iso: trimmed) else {
            throw ServiceError.invalid(
                "collections_start", code: "invalid_date", "collections_start must be a date (YYYY-MM-DD)")
        }
        return day
    }
}
