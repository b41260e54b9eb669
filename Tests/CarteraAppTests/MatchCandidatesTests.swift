import CarteraCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import CarteraApp

/// Matching reads only the invoices the lines can reach (`MatchCandidates`), and proposes exactly
/// what matching against every owed invoice proposes, rule by rule.
@Suite struct MatchCandidatesTests {
    @Test("candidates found by number, account, tax id, name, reference and amount give the full ledger's proposals")
    func candidatesGiveTheFullLedgersProposals() async throws {
        try await TestHarness.run { h in
            // given 600 owed invoices of 60 customers, some customers known by account, tax id, name or reference
            let today = h.today
            try await SyntheticLedger.generate(
                invoices: 600, organisationID: h.organisationID, today: today, withHistory: false, on: h.app.db)
            let sql = try h.app.db.sql
            func invoice(_ number: String) async throws -> Invoice {
                try #require(
                    try await Invoice.query(on: h.app.db).filter(\.$organisationID == h.organisationID)
                        .filter(\.$number == number).first())
            }
            func customer(of number: String) async throws -> UUID { try await invoice(number).$customer.id }
            func update(_ customer: UUID, _ assignment: SQLQueryString) async throws {
                try await sql.raw("UPDATE customers SET \(assignment) WHERE id = \(bind: customer)").run()
            }
            try await update(
                try await customer(of: "B-1"), "bank_accounts = \(bind: StoredList.encode(["CO12 3456 7890"]))")
            try await update(try await customer(of: "B-2"), "tax_id = \(bind: "900.123.456-7")")
            try await update(try await customer(of: "B-3"), "legal_name = \(bind: "Ferretería Andina Ltda")")
            try await update(
                try await customer(of: "B-4"), "legal_name = \(bind: "Distribuidora El Sol del Caribe S.A.S.")")
            try await update(try await customer(of: "B-5"), "payment_reference = \(bind: "CLI-5555")")
            // numbers the number-key index does not compare as the matcher does
            try await sql.raw("UPDATE invoices SET number = 'FAC_7777' WHERE number = 'B-6'").run()
            try await sql.raw("UPDATE invoices SET number = 'Nº 8888' WHERE number = 'B-7'").run()
            let cop = { (minor: Int64) in Money(minorUnits: minor, currency: .cop) }
            func line(_ amount: Money, _ text: String, payer: String? = nil, account: String? = nil)
                -> BankStatementLine
            {
                BankStatementLine(
                    bookingDate: today, valueDate: today, amount: amount, bankReference: nil, endToEndID: nil,
                    structuredReference: nil, remittanceText: text, counterpartyName: payer,
                    counterpartyAccount: account)
            }
            let b10 = try await invoice("B-10").balanceMinor
            let b20 = try await invoice("B-20").balanceMinor
            let lines = [
                line(cop(b10), "PAGO FACTURA B 10", payer: "CLIENTE"),
                line(cop(try await invoice("FAC_7777").balanceMinor), "FAC 7777"),
                line(cop(try await invoice("Nº 8888").balanceMinor), "Pago Nº 8888"),
                line(cop(try await invoice("B-61").balanceMinor), "ABONO", account: "co12-3456-7890"),
                line(cop(1_000_00), "NIT 900123456"),
                line(cop(try await invoice("B-64").balanceMinor), "ABONO", payer: "EL SOL DEL CARIBE"),
                line(cop(try await invoice("B-63").balanceMinor), "TRANSFERENCIA", payer: "PAGOS ANDINA EXPRESS"),
                line(cop(2_000_00), "REF CLI 5555"),
                line(cop(123), "DESCONOCIDO", payer: "NADIE"),
                line(cop(b20 / 2 + 1), "B-20 primera cuota"),
                line(cop(b20 / 2 + 1), "B-20 segunda cuota"),
                line(cop(-5_000), "COMISION"),
            ]

            // when the statement is matched on the candidates, and on every owed invoice
            let context = try await ServiceContext.make(
                db: h.app.db, actor: Actor(organisationID: h.organisationID, name: "test"), app: h.app)
            let candidates = try await MatchCandidates.matcher(for: lines, in: context).matchAll(lines)
            let full = try await MatchCandidates.fullMatcher(in: context).matchAll(lines)

            // then every line gets the same proposal, by the rule each was written for
            #expect(candidates == full)
            #expect(
                candidates.map(\.rule) == [
                    .reference, .reference, .reference, .exactAmount, .customerOnly, .exactAmount, .exactAmount,
                    .customerReference, .none, .reference, .reference, .notACredit,
                ])
            #expect(candidates.map(\.confidence) == [98, 98, 98, 90, 40, 85, 60, 85, 0, 85, 85, 0])
            #expect(candidates[9].allocations.first?.amount.minorUnits == b20 / 2 + 1)
            #expect(candidates[10].allocations.first?.amount.minorUnits == b20 - (b20 / 2 + 1), "what is left of it")
        }
    }

    @Test("both engines find owed invoices by exact open amount through the new partial index")
    func theAmountIndexIsUsed() async throws {
        try await TestHarness.run { h in
            let sql = try h.app.db.sql
            let query: SQLQueryString = """
                SELECT id FROM invoices WHERE organisation_id = \(bind: h.organisationID)
                AND status IN (\(SQLOwed.list)) AND balance_minor > 0 AND balance_minor IN (\(binds: [Int64(100), 200]))
                """
            let plan: String
            switch try h.app.db.dialect {
            case .sqlite:
                plan = try await sql.raw("EXPLAIN QUERY PLAN \(query)").all().map {
                    (try? $0.decode(column: "detail", as: String.self)) ?? ""
                }.joined(separator: "\n")
            case .postgresql:
                // A test ledger is small enough that a scan is cheapest; ask whether the index can serve.
                plan = try await h.app.db.transaction { tx in
                    let sql = try tx.sql
                    try await sql.raw("SET LOCAL enable_seqscan = off").run()
                    return try await sql.raw("EXPLAIN \(query)").all().map {
                        (try? $0.decode(column: "QUERY PLAN", as: String.self)) ?? ""
                    }.joined(separator: "\n")
                }
            }
            #expect(plan.contains("idx_invoices_org_owed_balance"), "\(plan)")
        }
    }
}
