import Foundation
import Testing

@testable import CarteraApp

/// A ledger for the report tests, built day by day through the API (all customers net 30; COP unless said).
///
///   A-1 Alfa   issued 2025-12-10  1000.00  due 2026-01-09  paid in full 2026-02-05 (a promise for 02-05: kept)
///   B-1 Beta   issued 2026-01-05  2000.00  due 2026-02-04  500.00 paid 01-25, 1500.00 paid 03-10 (promise for 02-12: broken)
///   A-2 Alfa   issued 2026-01-20   600.00  due 2026-02-19  unpaid; disputed 02-10, resolved 02-25
///   C-1 Gamma  issued 2026-02-01   300.00 USD due 2026-03-03  unpaid; disputed 02-15 (open)
///   V-1 Beta   issued 2026-02-03  5000.00  voided the same day; D-1 a draft of 9999.00: neither is a receivable
///   A-3 Alfa   issued 2026-02-10   400.00  due 2026-03-12  100.00 paid 02-20
///   B-2 Beta   issued 2026-02-15   900.00  due 2026-03-17  unpaid; disputed 02-20 (open)
///   Alfa and Gamma are assigned to the collector Ana Cobros; Beta to nobody.
///
/// Reminder runs (default policy, latest due step only, paused while promised or disputed):
///   02-09 before_10 → A-2 (due 02-19); B-1 is past due so its due_day step is skipped; the 02-05 promise is settled kept.
///   02-16 first_notice → B-1 (12 days late; Beta's first reminder, standing in for after_10); the 02-12 promise is
///         settled broken. A-2 is disputed, the rest not yet due.
///   02-26 after_20  → B-1 (ten days after its first notice). C-1 and B-2 disputed.
///   03-02 after_10 → A-2 and before_10 → A-3: outside February, so not in its report.
///
/// February 2026 (from 02-01 to 02-28, 28 days), COP:
///   beginning (end of 01-31) = A-1 1000 + A-2 600 + B-1 (2000 − 500) = 3100.00
///   credit sales = A-3 400 + B-2 900 = 1300.00 (V-1 void, D-1 draft)
///   ending (02-28) = A-2 600 + A-3 300 + B-1 1500 + B-2 900 = 3300.00; current (due ≥ 02-28) = A-3 300 + B-2 900 = 1200.00
///   countback DSO: Feb covers 1300 of 3300 → 28 days, 2000 left; January sold 2600 → 2000 / 2600 × 31 = 23.846
///                  → 28 + 23.846 = 51.846 → 51.8 days
///   CEI = (3100 + 1300 − 3300) / (3100 + 1300 − 1200) = 1100 / 3200 = 34.375 % → 34.38 %
///   best possible DSO = 1200 / 1300 × 28 = 25.846 → 25.8 days
/// USD: beginning 0, sales 300, ending 300 all current → DSO 300/300 × 28 = 28.0; CEI 0/0 → none; best 28.0.
/// Promises dated in February: 1 kept, 1 broken → 50.00 %.
/// Disputes open at the end of 02-28: C-1 (13 days) and B-2 (8 days); A-2 resolved 02-25 → 2, average 10.5 days.
/// Steps sent in February: before_10 ×1 (A-2 unpaid), first_notice ×1 (B-1 paid 03-10: 22 days later), after_20 ×1
/// (B-1 paid 12 days later: within 14) → paid within 14 days: 0, 0, 1.
struct ReportsFixture {
    let alfa: String
    let beta: String
    let gamma: String
    let collector: String

    static func build(_ h: TestHarness) async throws -> ReportsFixture {
        h.travel(to: "2025-12-10")
        let ana = try await UserService.create(
            .init(
                email: "ana@ferreteria.co", name: "Ana Cobros", password: "contraseña-segura", role: "collector",
                language: "es"),
            organisationID: h.organisationID, passwordCost: 4, on: h.app.db)
        let collector = try #require(ana.id).uuidString
        let alfa = try await h.customerWithContacts("Alfa S.A.S.")
        let beta = try await h.customerWithContacts("Beta Ltda.")
        let gamma = try await h.createCustomer("Gamma Inc.", extra: ["currency": "USD"])
        for customer in [alfa, gamma] {
            try #require(try await h.post("/api/v1/customers/\(customer)/assign", ["user_id": collector]).status == .ok)
        }
        let a1 = try await invoice(h, alfa, "A-1", "1000.00", "2025-12-10")

        h.travel(to: "2026-01-05")
        let b1 = try await invoice(h, beta, "B-1", "2000.00", "2026-01-05")
        h.travel(to: "2026-01-20")
        let a2 = try await invoice(h, alfa, "A-2", "600.00", "2026-01-20")
        h.travel(to: "2026-01-25")
        try await pay(h, beta, b1, "500.00")

        h.travel(to: "2026-02-01")
        let c1 = try await invoice(h, gamma, "C-1", "300.00", "2026-02-01")
        h.travel(to: "2026-02-02")
        try await promise(h, alfa, a1, "1000.00", on: "2026-02-05")
        h.travel(to: "2026-02-03")
        let v1 = try await invoice(h, beta, "V-1", "5000.00", "2026-02-03")
        try #require(try await h.post("/api/v1/invoices/\(v1)/void", ["reason": "duplicada"]).status == .ok)
        _ = try await h.createInvoice(
            customer: beta, number: "D-1", total: "9999.00", issued: "2026-02-03", extra: ["status": "draft"])
        h.travel(to: "2026-02-05")
        try await pay(h, alfa, a1, "1000.00")
        h.travel(to: "2026-02-09")
        try await h.runReminders()

        h.travel(to: "2026-02-10")
        let a3 = try await invoice(h, alfa, "A-3", "400.00", "2026-02-10")
        try await promise(h, beta, b1, "1500.00", on: "2026-02-12")
        let a2Dispute = try await dispute(h, a2)
        h.travel(to: "2026-02-15")
        let b2 = try await invoice(h, beta, "B-2", "900.00", "2026-02-15")
        _ = try await dispute(h, c1)
        h.travel(to: "2026-02-16")
        try await h.runReminders()
        h.travel(to: "2026-02-20")
        try await pay(h, alfa, a3, "100.00")
        _ = try await dispute(h, b2)
        h.travel(to: "2026-02-26")
        try await h.runReminders()
        h.travel(to: "2026-02-25")
        try #require(
            try await h.post(
                "/api/v1/disputes/\(a2Dispute)/resolve", ["resolution": "rejected", "note": "bien facturada"]
            ).status == .ok)

        h.travel(to: "2026-03-02")
        try await h.runReminders()
        h.travel(to: "2026-03-10")
        try await pay(h, beta, b1, "1500.00")
        h.travel(to: "2026-03-15")
        return ReportsFixture(alfa: alfa, beta: beta, gamma: gamma, collector: collector)
    }

    private static func invoice(
        _ h: TestHarness, _ customer: String, _ number: String, _ total: String, _ issued: String
    ) async throws -> String {
        try #require(
            try await h.createInvoice(customer: customer, number: number, total: total, issued: issued)["id"].string)
    }

    private static func pay(_ h: TestHarness, _ customer: String, _ invoice: String, _ amount: String) async throws {
        let reply = try await h.post(
            "/api/v1/payments",
            ["customer_id": customer, "amount": amount, "allocations": [["invoice_id": invoice, "amount": amount]]])
        try #require(reply.status == .created, "payment: \(reply.json)")
    }

    private static func promise(
        _ h: TestHarness, _ customer: String, _ invoice: String, _ amount: String, on day: String
    ) async throws {
        let reply = try await h.post(
            "/api/v1/customers/\(customer)/promises", ["amount": amount, "promised_on": day, "invoice_ids": [invoice]])
        try #require(reply.status == .created, "promise: \(reply.json)")
    }

    private static func dispute(_ h: TestHarness, _ invoice: String) async throws -> String {
        let reply = try await h.post("/api/v1/invoices/\(invoice)/disputes", ["reason": "precio distinto al pactado"])
        try #require(reply.status == .created, "dispute: \(reply.json)")
        return try #require(reply.json["id"].string)
    }
}
