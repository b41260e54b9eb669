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
            let invoice = try #require(
                try await h.createInvoice(customer: customer, number: "RACE-1", total: "100.00")["id"].string)
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        try await h.post(
                            "/api/v1/payments",
                            [
                                "customer_id": customer, "amount": "100.00",
                                "allocations": [["invoice_id": invoice, "amount": "100.00"]],
                            ]
                        ).status
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

@Suite struct CollectionChecksConcurrencyTests {
    /// Two servers run the daily pass at once: a broken promise and a missed plan instalment are
    /// each settled once — one task, one audit record, one instalment reminder — never twice.
    @Test func twoPassesAtOnceSettleEachPromiseAndPlanOnce() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-02-18")
            let promised = try await h.customerWithContacts("Promete S.A.S.")
            _ = try await h.createInvoice(customer: promised, number: "P-1", total: "100.00", issued: "2026-02-18")
            let planned = try await h.customerWithContacts("Acuerdo S.A.S.")
            let invoice = try #require(
                try await h.createInvoice(customer: planned, number: "A-1", total: "300.00", issued: "2026-02-18")["id"]
                    .string)
            h.travel(to: "2026-03-25")
            _ = try await h.post(
                "/api/v1/customers/\(promised)/promises", ["amount": "100.00", "promised_on": "2026-03-30"])
            _ = try await h.post(
                "/api/v1/customers/\(planned)/payment-plans",
                ["invoice_ids": [invoice], "instalments": 3, "first_due_on": "2026-03-28"])
            h.travel(to: "2026-04-01")
            let organisation = try #require(try await Organisation.find(h.organisationID, on: h.app.db))
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<4 {
                    group.addTask {
                        let context = try await ServiceContext.make(
                            db: h.app.db,
                            actor: Actor(organisationID: try organisation.requireID(), name: "worker-\(worker)"),
                            app: h.app)
                        _ = try await CollectionChecks.run(on: context.today, in: context)
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await AuditEvent.query(on: h.app.db).filter(\.$action == "promise.broken").count() == 1)
            #expect(try await AuditEvent.query(on: h.app.db).filter(\.$action == "plan.broken").count() == 1)
            #expect(try await CollectionTask.query(on: h.app.db).count() == 2)
        }
    }
}
