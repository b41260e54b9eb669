import CarteraCore
import Foundation

/// The organisation's payment pattern (median delay and spread of every settled invoice) for
/// predicting one invoice. Below `exactBelow` settled invoices it is read afresh every time; above,
/// one more payment cannot move it visibly, so each process remembers it for `lifetime` instead of
/// reading half a million invoices per invoice page. Concurrent first readers share one read.
actor OrganisationPatterns {
    static let shared = OrganisationPatterns()
    static let exactBelow = 10_000
    static let lifetime: TimeInterval = 600

    private struct Entry {
        let read: Task<PaymentDatePredictor.OrganisationPattern?, any Error>
        let startedAt: Date
    }

    private var entries: [UUID: Entry] = [:]

    func pattern(
        organisationID: UUID,
        read: @escaping @Sendable () async throws -> PaymentDatePredictor.OrganisationPattern?
    ) async throws -> PaymentDatePredictor.OrganisationPattern? {
        if let entry = entries[organisationID], Date().timeIntervalSince(entry.startedAt) < Self.lifetime {
            return try await entry.read.value
        }
        let task = Task { try await read() }
        entries[organisationID] = Entry(read: task, startedAt: Date())
        do {
            let pattern = try await task.value
            if (pattern?.settledCount ?? 0) < Self.exactBelow { entries[organisationID] = nil }
            return pattern
        } catch {
            entries[organisationID] = nil
            throw error
        }
    }
}
