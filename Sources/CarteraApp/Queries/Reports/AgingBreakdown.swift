import CarteraCore
import Fluent
import Foundation
import SQLKit

/// Aging split by customer or by collector (the customer's assigned user), as it stood on a day:
/// one set-based pass over the ledger's open positions (`LedgerHistory.openPositions`), grouped by
/// owner, currency and bucket, with the bucket limits of `AgingQuery`. Each currency apart.
enum AgingBreakdown {
    /// One customer or one collector: an aging report per currency it has open. `id` is nil for
    /// the "unassigned" collector row.
    struct Group: Equatable {
        let id: UUID?
        let name: String
        var reports: [AgingReport]
    }

    private struct GroupRow: Decodable {
        let group_id: UUID?
        let name: String?
        let currency: String
        let bucket: String
        let amount: Int64
    }

    static func byCustomer(organisationID: UUID, asOf: LocalDate, on db: any Database) async throws -> [Group] {
        let sql = try db.sql
        let dialect = try db.dialect
        let rows = try await sql.raw(
            """
            SELECT p.customer_id AS group_id, c.legal_name AS name, p.currency, \(unsafeRaw: AgingQuery.bucketExpression(asOf: asOf)) AS bucket,
                   \(dialect.moneySum("p.open_minor")) AS amount
            FROM (\(LedgerHistory.openPositions(organisationID: organisationID, on: asOf))) p JOIN customers c ON c.id = p.customer_id
            WHERE p.open_minor > 0
            GROUP BY p.customer_id, c.legal_name, p.currency, bucket
            """
        ).all(decoding: GroupRow.self)
        return try groups(rows, asOf: asOf)
    }

    static func byCollector(organisationID: UUID, asOf: LocalDate, on db: any Database) async throws -> [Group] {
        let sql = try db.sql
        let dialect = try db.dialect
        let rows = try await sql.raw(
            """
            SELECT c.assigned_user_id AS group_id, u.name AS name, p.currency, \(unsafeRaw: AgingQuery.bucketExpression(asOf: asOf)) AS bucket,
                   \(dialect.moneySum("p.open_minor")) AS amount
            FROM (\(LedgerHistory.openPositions(organisationID: organisationID, on: asOf))) p
            JOIN customers c ON c.id = p.customer_id
            LEFT JOIN users u ON u.id = c.assigned_user_id
            WHERE p.open_minor > 0
            GROUP BY c.assigned_user_id, u.name, p.currency, bucket
            """
        ).all(decoding: GroupRow.self)
        return try groups(rows, asOf: asOf)
    }

    /// Rows folded into groups sorted by name (the unassigned row last), currencies by code.
    private static func groups(_ rows: [GroupRow], asOf: LocalDate) throws -> [Group] {
        var byKey: [String: Group] = [:]
        for row in rows {
            let key = row.group_id?.uuidString ?? ""
            var group = byKey[key] ?? Group(id: row.group_id, name: row.name ?? "", reports: [])
            let currency = try Currency(code: row.currency)
            var index = group.reports.firstIndex { $0.currency == currency }
            if index == nil {
                group.reports.append(AgingReport(asOf: asOf, currency: currency))
                index = group.reports.count - 1
            }
            guard let bucket = AgingBucket(rawValue: row.bucket) else { continue }
            try group.reports[index!].add(amount: Money(minorUnits: row.amount, currency: currency), to: bucket)
            byKey[key] = group
        }
        return byKey.values.map { group in
            var sorted = group
            sorted.reports.sort { $0.currency.code < $1.currency.code }
            return sorted
        }.sorted { lhs, rhs in
            if (lhs.id == nil) != (rhs.id == nil) { return rhs.id == nil }
            return lhs.name != rhs.name ? lhs.name < rhs.name : (lhs.id?.uuidString ?? "") < (rhs.id?.uuidString ?? "")
        }
    }
}
