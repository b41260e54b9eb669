import CarteraCore
import Fluent
import Foundation
import SQLKit

/// The SQL that finds what the dunning engine must look at, in a few set-based reads: owed
/// invoices of contactable customers, the steps they already had, and active holds.
enum DunningQuery {
    struct Candidate: Decodable, Sendable {
        let id: UUID
        let customerId: UUID
        let dueDate: String
        let status: String
        enum CodingKeys: String, CodingKey { case id, customerId = "customer_id", dueDate = "due_date", status }
    }

    struct CustomerSettings: Decodable, Sendable {
        let id: UUID
        let collectionPolicyId: UUID?
        let reminderKindsOff: String
        enum CodingKeys: String, CodingKey {
            case id, collectionPolicyId = "collection_policy_id", reminderKindsOff = "reminder_kinds_off"
        }
    }

    /// Owed invoices whose earliest possible step (`dueOnOrBefore`) has come, of customers we may contact.
    /// The few do-not-contact customers are left out here rather than by a join, which looked up the
    /// customer of every owed invoice.
    static func candidates(organisationID: UUID, dueOnOrBefore: LocalDate, on db: any Database) async throws
        -> [Candidate]
    {
        struct Row: Decodable { let id: UUID }
        let silenced = Set(
            try await db.sql.raw(
                """
                SELECT id FROM customers WHERE organisation_id = \(bind: organisationID) AND do_not_contact = \(bind: true)
                """
            ).all(decoding: Row.self).map(\.id))
        return try await db.sql.raw(
            """
            SELECT i.id, i.customer_id, i.due_date, i.status
            FROM invoices i
            WHERE i.organisation_id = \(bind: organisationID)
              AND i.status IN (\(SQLOwed.list))
              AND i.due_date <= \(bind: dueOnOrBefore.iso)
            """
        ).all(decoding: Candidate.self).filter { !silenced.contains($0.customerId) }
    }

    /// What an owed invoice already had: its step keys and the day of its first one.
    struct History: Sendable {
        let steps: Set<String>
        let firstContactOn: LocalDate?
    }

    /// Step keys each owed invoice already had and the day of its first: one row per invoice, keys
    /// joined in SQL, because decoding a row per (invoice, step) dominated the dry run. Read from the
    /// owed invoices to their deliveries (the deliveries' own index), not from every delivery the
    /// organisation ever made.
    static func history(organisationID: UUID, on db: any Database) async throws -> [UUID: History] {
        struct Row: Decodable {
            let invoiceID: UUID, steps: String, firstRunOn: String
            enum CodingKeys: String, CodingKey { case invoiceID = "invoice_id", steps, firstRunOn = "first_run_on" }
        }
        let sql = try db.sql
        let joined = try db.dialect.commaJoined("d.step_key")
        let rows = try await sql.raw(
            """
            SELECT i.id AS invoice_id, \(joined) AS steps, MIN(d.run_on) AS first_run_on
            FROM invoices i JOIN reminder_deliveries d ON d.invoice_id = i.id
            WHERE i.organisation_id = \(bind: organisationID) AND i.status IN (\(SQLOwed.list))
            GROUP BY i.id
            """
        ).all(decoding: Row.self)
        return Dictionary(
            uniqueKeysWithValues: rows.map {
                (
                    $0.invoiceID,
                    History(
                        steps: Set(StoredList<String>.decode($0.steps)),
                        firstContactOn: try? LocalDate(iso: $0.firstRunOn))
                )
            })
    }

    /// Customers who ever got a reminder, about any invoice (paid ones too): one probe per customer
    /// into the invoices by customer and the deliveries by invoice, stopping at the first found.
    /// With `only`, that customer alone.
    static func contactedCustomers(organisationID: UUID, only customerID: UUID? = nil, on db: any Database)
        async throws -> Set<UUID>
    {
        struct Row: Decodable { let id: UUID }
        var scope: SQLQueryString = "c.organisation_id = \(bind: organisationID)"
        if let customerID { scope += " AND c.id = \(bind: customerID)" }
        let rows = try await db.sql.raw(
            """
            SELECT c.id FROM customers c
            WHERE \(scope) AND EXISTS (
              SELECT 1 FROM invoices i JOIN reminder_deliveries d ON d.invoice_id = i.id WHERE i.customer_id = c.id)
            """
        ).all(decoding: Row.self)
        return Set(rows.map(\.id))
    }

    /// Invoices with a dispute, promise or plan in force on `date`.
    static func heldInvoices(organisationID: UUID, on date: LocalDate, on db: any Database) async throws -> Set<UUID> {
        struct Row: Decodable { let invoice_id: UUID }
        let rows = try await db.sql.raw(
            """
            SELECT DISTINCT h.invoice_id FROM dunning_holds h
            WHERE h.organisation_id = \(bind: organisationID) AND \(SQLHold.inForce("h", on: date))
            """
        ).all(decoding: Row.self)
        return Set(rows.map(\.invoice_id))
    }

    /// Only customers that differ from the organisation's defaults.
    static func customerSettings(organisationID: UUID, on db: any Database) async throws -> [UUID: CustomerSettings] {
        let rows = try await db.sql.raw(
            """
            SELECT id, collection_policy_id, reminder_kinds_off FROM customers
            WHERE organisation_id = \(bind: organisationID) AND (collection_policy_id IS NOT NULL OR reminder_kinds_off <> '')
            """
        ).all(decoding: CustomerSettings.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0) })
    }
}
