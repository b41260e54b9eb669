import Fluent
import Testing
import Vapor

@testable import CarteraApp

@Suite struct PaymentAPITests {
    @Test func paymentSettlesOldestInvoicesFirstAndKeepsTheRestAsCredit() async throws {
        try await TestHarness.run { h in
            // given two invoices, the later-issued one due first
            let customer = try await h.createCustomer()
            let older = try #require(
                try await h.createInvoice(customer: customer, number: "F-2", total: "300.00", issued: "2026-01-20")[
                    "id"
                ].string)
            let newer = try #require(
                try await h.createInvoice(customer: customer, number: "F-1", total: "500.00", issued: "2026-02-10")[
                    "id"
                ].string)

            // when 1000.00 arrives with no instructions
            let payment = try await h.post(
                "/api/v1/payments",
                [
                    "customer_id": customer, "amount": "1000.00", "method": "transfer", "reference": "TRX-1",
                    "received_on": "2026-03-14",
                ])

            // then both are paid, oldest first, and 200.00 stays as credit
            #expect(payment.status == .created)
            #expect(payment.json["allocations"].array.compactMap { $0["invoice_id"].string } == [older, newer])
            #expect(payment.json["allocated"].string == "800.00")
            #expect(payment.json["unallocated"].string == "200.00")
            #expect(try await h.get("/api/v1/invoices/\(older)").json["status"].string == "paid")
            #expect(try await h.get("/api/v1/invoices/\(newer)").json["balance"].string == "0.00")
            let statement = try await h.get("/api/v1/customers/\(customer)/statement")
            #expect(statement.json["currencies"][0]["unapplied_credit"].string == "200.00")
            #expect(statement.json["currencies"][0]["net_balance"].string == "-200.00")
        }
    }

    @Test func partialPaymentAndExplicitAllocation() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            let a = try #require(
                try await h.createInvoice(customer: customer, number: "A", total: "100.00", issued: "2026-01-01")["id"]
                    .string)
            let b = try #require(
                try await h.createInvoice(customer: customer, number: "B", total: "100.00", issued: "2026-02-01")["id"]
                    .string)
            let payment = try await h.post(
                "/api/v1/payments",
                [
                    "customer_id": customer, "amount": "80.00", "allocations": [["invoice_id": b, "amount": "30.00"]],
                ])
            #expect(payment.json["unallocated"].string == "50.00")
            let invoiceB = try await h.get("/api/v1/invoices/\(b)")
            #expect(invoiceB.json["status"].string == "partially_paid")
            #expect(invoiceB.json["settled"].string == "30.00")
            #expect(invoiceB.json["balance"].string == "70.00")
            #expect(try await h.get("/api/v1/invoices/\(a)").json["status"].string == "open")

            // the remaining credit goes to A later, oldest first
            let id = try #require(payment.json["id"].string)
            let applied = try await h.post("/api/v1/payments/\(id)/allocations", [:])
            #expect(applied.json["unallocated"].string == "0.00")
            #expect(try await h.get("/api/v1/invoices/\(a)").json["balance"].string == "50.00")
            let again = try await h.post("/api/v1/payments/\(id)/allocations", [:])
            #expect(again.json["error"]["code"].string == "no_credit_left")
        }
    }

    @Test func overallocationAndBadPaymentsChangeNothing() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            let invoice = try #require(
                try await h.createInvoice(customer: customer, number: "A", total: "100.00")["id"].string)
            let cases: [([String: Any], String, String)] = [
                (
                    ["amount": "50.00", "allocations": [["invoice_id": invoice, "amount": "60.00"]]], "overallocated",
                    "allocations"
                ),
                (
                    ["amount": "500.00", "allocations": [["invoice_id": invoice, "amount": "150.00"]]], "overallocated",
                    "allocations"
                ),
                (
                    ["amount": "50.00", "allocations": [["invoice_id": UUID().uuidString, "amount": "10.00"]]],
                    "unknown_invoice", "allocations"
                ),
                (["amount": "-5.00"], "negative_amount", "amount"),
                (
                    [
                        "amount": "50.00", "currency": "USD",
                        "allocations": [["invoice_id": invoice, "amount": "10.00"]],
                    ], "unknown_invoice", "allocations"
                ),
                (["amount": "50.00", "received_on": "2026-03-16"], "date_in_future", "received_on"),
                (["amount": "50.00", "method": "bitcoin"], "invalid_field", "method"),
                (["amount": "50"], "", ""),
            ]
            for (extra, code, field) in cases.dropLast() {
                let reply = try await h.post("/api/v1/payments", ["customer_id": customer].merging(extra) { $1 })
                #expect(reply.status == .unprocessableEntity, "\(extra)")
                #expect(reply.json["error"]["code"].string == code, "\(extra): \(reply.json)")
                #expect(reply.json["error"]["field"].string?.hasPrefix(field) == true, "\(extra): \(reply.json)")
            }
            #expect(try await h.get("/api/v1/payments").json["total"].int == 0)
            #expect(try await h.get("/api/v1/invoices/\(invoice)").json["balance"].string == "100.00")
            #expect(try await AuditEvent.query(on: h.app.db).filter(\.$action == "payment.recorded").count() == 0)
        }
    }

    @Test func paymentsListUpdateAndAudit() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            _ = try await h.createInvoice(customer: customer, number: "A", total: "100.00")
            let payment = try await h.post(
                "/api/v1/payments", ["customer_id": customer, "amount": "40.00", "received_on": "2026-03-01"])
            let id = try #require(payment.json["id"].string)
            let updated = try await h.patch("/api/v1/payments/\(id)", ["reference": "CHQ-123", "method": "check"])
            #expect(updated.json["method"].string == "check")
            #expect(updated.json["amount"].string == "40.00")
            #expect(
                try await h.get("/api/v1/payments?customer_id=\(customer)&from=2026-03-01&to=2026-03-01").json["total"]
                    .int == 1)
            #expect(try await h.get("/api/v1/payments?from=2026-03-02").json["total"].int == 0)
            let actions = try await AuditEvent.query(on: h.app.db).sort(\.$occurredAt).all().map(\.action)
            #expect(
                actions.contains("payment.recorded") && actions.contains("invoice.settled")
                    && actions.contains("payment.updated"))
            let settled = try #require(
                try await AuditEvent.query(on: h.app.db).filter(\.$action == "invoice.settled").first())
            #expect(settled.actor == "api_key:tests")
            #expect(settled.details.contains("\"balance_after\":\"60.00\""))
        }
    }
}
