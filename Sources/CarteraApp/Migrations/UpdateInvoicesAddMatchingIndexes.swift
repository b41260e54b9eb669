import Fluent
import SQLKit

/// Bank matching fetches candidates instead of every owed invoice (`MatchCandidates`): the owed
/// invoices owing an exact amount, and the few whose number has characters the number-key index
/// does not compare as the matcher does. Both partial, so they hold only what those reads ask for;
/// the queries spell the same conditions so both engines use them.
struct UpdateInvoicesAddMatchingIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sql
        try await sql.raw(
            """
            CREATE INDEX idx_invoices_org_owed_balance ON invoices (organisation_id, balance_minor)
            WHERE status IN (\(SQLOwed.list))
            """
        ).run()
        // Spelled out, as a migration must stay what it was: `MatchCandidates.unusualNumber` reads
        // through it and must keep the same text for the planner to use the index.
        let unusualNumber: SQLQueryString =
            switch try database.dialect {
            case .sqlite: "number GLOB '*[^A-Za-z0-9 ./-]*'"
            case .postgresql: "number ~ '[^A-Za-z0-9 ./-]'"
            }
        try await sql.raw(
            "CREATE INDEX idx_invoices_org_unusual_number ON invoices (organisation_id) WHERE \(unusualNumber)"
        )
        .run()
    }

    func revert(on database: any Database) async throws {
        try await SQLIndex.drop("idx_invoices_org_unusual_number", on: database)
        try await SQLIndex.drop("idx_invoices_org_owed_balance", on: database)
    }
}
