import CarteraCore
import Foundation
import SQLKit

/// The ledger's changes to open amounts (`LedgerHistory.changes`) kept in a table, summed per
/// (currency, due date, day): a million invoices are a few thousand rows, so the reports' receivables
/// at any day, their aging at twelve month closes and credit sales per day read those rows instead of
/// every invoice and allocation; payments received per day are kept the same way (`CollectionDays`).
/// Triggers append to both in the transaction of every change (`LedgerChangeTriggers`); the day's
/// pass folds what they appended (`compact`); `recompute` and the check `mismatches` go back to the
/// ledger itself.
///
/// Columns: `amount_minor` is the change to open receivables from `since` on; `sales_minor` is the part
/// that is an invoice's total, counted on its issue date (credit sales).
enum LedgerChanges {
    static let table = "ledger_changes"

    /// `SELECT` of the rows through `day` (currency, due_date, since, amount, sales), summed per
    /// (currency, due date, day), as `LedgerHistory.openChanges` reads them.
    static func summed(organisationID: UUID, through day: LocalDate?, dialect: Dialect) -> SQLQueryString {
        let through: SQLQueryString = day.map { " AND since <= \(bind: $0.iso)" } ?? ""
        return """
            SELECT currency, due_date, since, \(dialect.moneySum("amount_minor")) AS amount, \(dialect.moneySum("sales_minor")) AS sales
            FROM ledger_changes WHERE organisation_id = \(bind: organisationID)\(through)
            GROUP BY currency, due_date, since
            """
    }

    /// Folds what the triggers appended since the last pass, for both tables (`fold`).
    static func compact(organisationID: UUID, on db: any SQLDatabase, dialect: Dialect) async throws {
        try await fold(
            table, keys: ["currency", "due_date", "since"], measures: ["amount_minor", "sales_minor"],
            organisationID: organisationID, on: db, dialect: dialect)
        try await fold(
            CollectionDays.table, keys: ["currency", "received_on"], measures: ["amount_minor"],
            organisationID: organisationID, on: db, dialect: dialect)
    }

    /// Folds the organisation's rows of `table` into one per `keys`, dropping those whose `measures`
    /// are all zero. Rows a concurrent transaction appends meanwhile are left as they are (PostgreSQL:
    /// the delete sees only what had committed; SQLite: one writer). Under the summaries' lock.
    static func fold(
        _ table: String, keys: [String], measures: [String], organisationID: UUID, on db: any SQLDatabase,
        dialect: Dialect
    ) async throws {
        let columns = "organisation_id, " + (keys + measures).joined(separator: ", ")
        let grouping = "organisation_id, " + keys.joined(separator: ", ")
        var sums: SQLQueryString = ""
        for measure in measures { sums += ", \(dialect.moneySum("\(unsafeRaw: measure)"))" }
        // Sums that saturate as every money sum does: SQLite's SUM stops the statement on overflow.
        var anything: SQLQueryString = ""
        for (index, measure) in measures.enumerated() {
            anything += "\(unsafeRaw: index == 0 ? "" : " OR ")\(dialect.moneySum("\(unsafeRaw: measure)")) <> 0"
        }
        switch dialect {
        case .sqlite:
            struct Last: Decodable { let last: Int64? }
            let last = try await db.raw(
                "SELECT MAX(rowid) AS last FROM \(unsafeRaw: table) WHERE organisation_id = \(bind: organisationID)"
            ).first(decoding: Last.self)?.last
            guard let last else { return }
            try await db.raw(
                """
                INSERT INTO \(unsafeRaw: table) (\(unsafeRaw: columns))
                SELECT \(unsafeRaw: grouping)\(sums) FROM \(unsafeRaw: table)
                WHERE organisation_id = \(bind: organisationID) AND rowid <= \(bind: last)
                GROUP BY \(unsafeRaw: grouping) HAVING \(anything)
                """
            ).run()
            try await db.raw(
                "DELETE FROM \(unsafeRaw: table) WHERE organisation_id = \(bind: organisationID) AND rowid <= \(bind: last)"
            ).run()
        case .postgresql:
            try await db.raw(
                """
                WITH moved AS (
                  DELETE FROM \(unsafeRaw: table) WHERE organisation_id = \(bind: organisationID)
                  RETURNING \(unsafeRaw: columns))
                INSERT INTO \(unsafeRaw: table) (\(unsafeRaw: columns))
                SELECT \(unsafeRaw: grouping)\(sums) FROM moved
                GROUP BY \(unsafeRaw: grouping) HAVING \(anything)
                """
            ).run()
        }
    }

    /// The organisation's rows (and its `CollectionDays`) rebuilt from the ledger (the migration's
    /// first fill, and `cartera rebuild-summaries`).
    static func recompute(organisationID: UUID, on db: any SQLDatabase, dialect: Dialect) async throws {
        try await db.raw("DELETE FROM ledger_changes WHERE organisation_id = \(bind: organisationID)").run()
        try await db.raw(
            """
            INSERT INTO ledger_changes (organisation_id, currency, due_date, since, amount_minor, sales_minor)
            SELECT \(bind: organisationID), currency, due_date, since, amount, sales
            FROM (\(fromLedger(organisationID: organisationID, dialect: dialect))) c
            WHERE amount <> 0 OR sales <> 0
            """
        ).run()
        try await CollectionDays.recompute(organisationID: organisationID, on: db, dialect: dialect)
    }

    /// The ledger's own changes summed per (currency, due date, day): what the table must hold.
    private static func fromLedger(organisationID: UUID, dialect: Dialect) -> SQLQueryString {
        """
        SELECT c.currency, c.due_date, c.since, \(dialect.moneySum("c.amount")) AS amount, \(dialect.moneySum("c.sales")) AS sales
        FROM (\(LedgerHistory.changes(organisationID: organisationID, through: nil))) c
        GROUP BY c.currency, c.due_date, c.since
        """
    }

    /// Every (currency, due date, day) where the table and the ledger differ, and every day of
    /// `CollectionDays` that differs from the payments, described; empty when right.
    static func mismatches(organisationID: UUID, on db: any SQLDatabase, dialect: Dialect) async throws -> [String] {
        struct Row: Decodable, Hashable {
            let currency: String
            let due_date: String
            let since: String
            let amount: Int64
            let sales: Int64
        }
        let stored = Set(
            try await db.raw(
                """
                SELECT * FROM (\(summed(organisationID: organisationID, through: nil, dialect: dialect))) s
                WHERE amount <> 0 OR sales <> 0
                """
            ).all(decoding: Row.self))
        let ledger = Set(
            try await db.raw(
                "SELECT * FROM (\(fromLedger(organisationID: organisationID, dialect: dialect))) l WHERE amount <> 0 OR sales <> 0"
            ).all(decoding: Row.self))
        return stored.symmetricDifference(ledger).sorted { ($0.since, $0.due_date) < ($1.since, $1.due_date) }.map {
            "\(ledger.contains($0) ? "ledger" : "table") \($0.currency) due \($0.due_date) from \($0.since): \($0.amount) open, \($0.sales) sold"
        } + (try await CollectionDays.mismatches(organisationID: organisationID, on: db, dialect: dialect))
    }
}
