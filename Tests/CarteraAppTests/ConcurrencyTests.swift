import Fluent
import Testing
import Vapor
@testable import CarteraApp

@Suite struct ConcurrencyTests {
    /// Several payments race for the same invoice: exactly one may settle it, the others must be
    /// refused cleanly, and the invoice must never be settled twice.
    @Test func concurrentPaymentsNeverOversettleAnInvoice() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            let invoice = try #require(try await h.createInvoice(customer: customer, number: "RACE-1", total: "100.00")["id"].string)
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        try await h.post("/api/v1/payments", [
                            "customer_id": customer, "amount": "100.00", "allocations": [["invoice_id": invoice, "amount": "100.00"]],
                        ]).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == 1, "\(statuses)")
            #expect(statuses.allSatisfy { $0 == .created || $0 == .unprocessableEntity }, "\(statuses)")
            let settled = try await Allocation.query(on: h.app.db).all().reduce(Int64(0)) { $0 + $1.amountMinor }
            #expect(settled == 10_000)
            #expect(try await h.get("/api/v1/invoices/\(invoice)").json["status"].string == "paid")
            #expect(try await Payment.query(on: h.app.db).count() == 1, "refused payments leave nothing behind")
        }
    }
}
