import CarteraCore
import Fluent
import Foundation
import SQLKit

/// Payments received per (currency, day), reversed ones left out (their money came back), kept in
/// `collection_days` by triggers on payments (`LedgerChangeTriggers`) and folded by the day's pass
/// with the ledger changes (`LedgerChanges.compact`): "collected this month" and the reports' monthly
/// collections read a row per day instead of every payment.
enum CollectionDays {
    static let table = "collection_days"

    /// Collected from `from` through `to`, per currency code.
    static func total(organisationID: UUID, from: LocalDate, to: LocalDate, on db: any Database) async throws
        -> [String: Int64]
    {
        try await collected(organisationID: organisationID, from: from, to: to, period: nil, on: db)
            .mapValues { $0[""] ?? 0 }
    }

    /// Collected per month ("YYYY-MM") from `from` through `to`, per currency code.
    static func monthly(organisationID: UUID, from: LocalDate, to: LocalDate, on db: any Database) async throws
        -> [String: [String: Int64]]
    {
        try await collected(
            organisationID: organisationID, from: from, to: to, period: "SUBSTR(received_on, 1, 7)", on: db)
    }

    private static func collected(
        organisationID: UUID, from: LocalDate, to: LocalDate, period: SQLQueryString?, on db: any Database
    ) async throws -> [String: [String: Int64]] {
        struct Row: Decodable {
            let currency: String
            let period: String
            let total: Int64
        }
        // No period: one group per currency (PostgreSQL refuses a constant in GROUP BY).
        let grouping: SQLQueryString = period.map { ", \($0)" } ?? ""
        let rows = try await db.sql.raw(
            """
            SELECT currency, \(period ?? "''") AS period, \(try db.dialect.moneySum("amount_minor")) AS total
            FROM collection_days
            WHERE organisation_id = \(bind: organisationID) AND received_on >= \(bind: from.iso) AND received_on <= \(bind: to.iso)
            GROUP BY currency\(grouping)
            """
        ).all(decoding: Row.self)
        var result: [String: [String: Int64]] = [:]
        for row in rows { result[row.currency, default: [:]][row.period] = row.total }
        return result
    }

    /// The payments themselves summed per (currency, day): what the table must hold.
    static func fromLedger(organisationID: UUID, dialect: Dialect) -> SQLQueryString {
        """
        SELECT currency, received_on, \(dialect.moneySum("amount_minor")) AS amount FROM payments
        WHERE organisation_id = \(bind: organisationID) AND reversed_on IS NULL
        GROUP BY currency, received_on
        """
    }

    static func recompute(organisationID: UUID, on db: any SQLDatabase, dialect: Dialect) async throws {
        try await db.raw("DELETE FROM collection_days WHERE organisation_id = \(bind: organisationID)").run()
        try await db.raw(
            """
            INSERT INTO collection_days (organisation_id, currency, received_on, amount_minor)
            SELECT \(bind: organisationID), currency, received_on, amount
            FROM (\(fromLedger(organisationID: organisationID, dialect: dialect))) p WHERE amount <> 0
            """
        ).run()
    }

    /// Every (currency, day) where the table and the payments differ, described; empty when right.
    static func mismatches(organisationID: UUID, on db: any SQLDatabase, dialect: Dialect) async throws -> [String] {
        struct Row: Decodable, Hashable {
            let currency: String
            let received_on: String
            let amount: Int64
        }
        let stored = Set(
            try await db.raw(
                """
                SELECT currency, received_on, \(dialect.moneySum("amount_minor")) AS amount FROM collection_days
                WHERE organisation_id = \(bind: organisationID) GROUP BY currency, received_on
                HAVING \(dialect.moneySum("amount_minor")) <> 0
                """
            ).all(decoding: Row.self))
        let ledger = Set(
            try await db.raw(
                "SELECT * FROM (\(fromLedger(organisationID: organisationID, dialect: dialect))) p WHERE amount <> 0"
            ).all(decoding: Row.self))
        return stored.symmetricDifference(ledger).sorted { $0.received_on < $1.received_on }.map {
            "\(ledger.contains($0) ? "payments" : "table") \($0.currency) received \($0.received_on): \($0.amount)"
        }
    }
}
