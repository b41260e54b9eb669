import CarteraCore
import Fluent
import Foundation
import SQLKit

/// The collectors' side of the report, read from promises, disputes and reminder deliveries.
extension CollectionReport {
    /// Promises whose date fell in the period and that have been settled as kept or broken (the
    /// daily pass settles a promise the day after its date; active and cancelled ones count in neither).
    static func promiseOutcomes(from: LocalDate, to: LocalDate, in context: ServiceContext) async throws -> (
        kept: Int, broken: Int
    ) {
        struct Row: Decodable {
            let status: String
            let promises: Int64
        }
        let rows = try await context.db.sql.raw(
            """
            SELECT status, CAST(COUNT(*) AS BIGINT) AS promises FROM payment_promises
            WHERE organisation_id = \(bind: context.organisationID)
              AND status IN (\(bind: PromiseStatus.kept.rawValue), \(bind: PromiseStatus.broken.rawValue))
              AND promised_on >= \(bind: from.iso) AND promised_on <= \(bind: to.iso)
            GROUP BY status
            """
        ).all(decoding: Row.self)
        func count(_ status: PromiseStatus) -> Int {
            rows.first { $0.status == status.rawValue }.map { Int($0.promises) } ?? 0
        }
        return (count(.kept), count(.broken))
    }

    /// Disputes open at the end of `asOf`: opened by then and not resolved by then. Counted per
    /// opening day, so the rows are at most the days disputes were opened on, never the disputes.
    static func openDisputes(asOf: LocalDate, in context: ServiceContext) async throws -> CollectionActivity.DisputeAge
    {
        struct Row: Decodable {
            let opened_on: String
            let disputes: Int64
        }
        let rows = try await context.db.sql.raw(
            """
            SELECT opened_on, CAST(COUNT(*) AS BIGINT) AS disputes FROM disputes
            WHERE organisation_id = \(bind: context.organisationID) AND opened_on <= \(bind: asOf.iso)
              AND (resolved_on IS NULL OR resolved_on > \(bind: asOf.iso))
            GROUP BY opened_on
            """
        ).all(decoding: Row.self)
        let openedOn = rows.flatMap { row in
            (try? LocalDate(iso: row.opened_on)).map { Array(repeating: $0, count: Int(row.disputes)) } ?? []
        }
        return CollectionActivity.disputeAge(openedOn: openedOn, asOf: asOf)
    }
}
