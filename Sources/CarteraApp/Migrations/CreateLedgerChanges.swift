import Fluent
import Foundation
import SQLKit

/// The ledger's changes to open amounts kept summed per (currency, due date, day) for the reports and
/// the dashboard (`LedgerChanges`), with the triggers that keep them (`LedgerChangeTriggers`), filled
/// from the ledger as it stands; and the payments received per day (`CollectionDays`), kept the same way.
struct CreateLedgerChanges: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LedgerChanges.table)
            .field("organisation_id", .uuid, .required)
            .field("currency", .string, .required)
            .field("due_date", .string, .required)
            .field("since", .string, .required)
            .field("amount_minor", .int64, .required)
            .field("sales_minor", .int64, .required)
            .create()
        try await database.schema(CollectionDays.table)
            .field("organisation_id", .uuid, .required)
            .field("currency", .string, .required)
            .field("received_on", .string, .required)
            .field("amount_minor", .int64, .required)
            .create()
        try await SQLIndex.create(
            "idx_collection_days_org_received", on: CollectionDays.table, columns: ["organisation_id", "received_on"],
            on: database)
        try await SQLIndex.create(
            "idx_ledger_changes_org_since", on: LedgerChanges.table, columns: ["organisation_id", "since"],
            on: database)
        let sql = try database.sql
        let dialect = try database.dialect
        for statement in LedgerChangeTriggers.create(dialect) { try await sql.raw(statement).run() }
        struct OrganisationRow: Decodable { let id: UUID }
        for organisation in try await sql.raw("SELECT id FROM organisations").all(decoding: OrganisationRow.self) {
            try await LedgerChanges.recompute(organisationID: organisation.id, on: sql, dialect: dialect)
        }
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sql
        for statement in LedgerChangeTriggers.drop(try database.dialect) { try await sql.raw(statement).run() }
        try await database.schema(CollectionDays.table).delete()
        try await database.schema(LedgerChanges.table).delete()
    }
}
