import CarteraCore
import Fluent
import Foundation
import SQLKit

/// Payment history for the benchmark ledger: `count` invoices paid in full, one payment each,
/// allocated and marked paid set-based, so the ledger also has history for statements and risk.
enum SyntheticPayments {
    static func generate(count: Int, organisationID: UUID, today: LocalDate, on db: any Database) async throws {
        struct Row: Decodable {
            let id: UUID
            let customer_id: UUID
            let total_minor: Int64
            let due_date: String
        }
        let sql = try db.sql
        let invoices = try await sql.raw(
            """
            SELECT id, customer_id, total_minor, due_date FROM invoices WHERE organisation_id = \(bind: organisationID)
            ORDER BY number LIMIT \(literal: count)
            """
        ).all(decoding: Row.self)
        var rng = SeededGenerator(seed: 11)
        for chunk in stride(from: 0, to: invoices.count, by: 1_000) {
            var payments: [Payment] = []
            var allocations: [Allocation] = []
            for invoice in invoices[chunk..<min(chunk + 1_000, invoices.count)] {
                let paidOn = min(
                    today,
                    try LocalDate(iso: invoice.due_date).addingClamped(days: Int.random(in: -10...40, using: &rng)))
                let payment = Payment()
                payment.id = UUID.random()
                payment.organisationID = organisationID
                payment.$customer.id = invoice.customer_id
                payment.receivedOn = paidOn.iso
                payment.currency = "COP"
                payment.amountMinor = invoice.total_minor
                payment.allocatedMinor = invoice.total_minor
                payment.method = .transfer
                payment.notes = ""
                payments.append(payment)
                let allocation = Allocation()
                allocation.organisationID = organisationID
                allocation.$invoice.id = invoice.id
                allocation.kind = .payment
                allocation.$payment.id = payment.id
                allocation.amountMinor = invoice.total_minor
                allocation.appliedOn = paidOn.iso
                allocations.append(allocation)
            }
            try await payments.create(on: db)
            try await allocations.create(on: db)
        }
        try await sql.raw(
            """
            UPDATE invoices SET status = 'paid', settled_minor = total_minor, balance_minor = 0
            WHERE organisation_id = \(bind: organisationID) AND id IN (SELECT invoice_id FROM allocations)
            """
        ).run()
    }
}
