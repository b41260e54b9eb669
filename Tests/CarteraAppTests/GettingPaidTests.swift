import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// Recording money safely: retried requests, early-payment discounts, bounced payments.
@Suite struct GettingPaidTests {
    @Test func aRetriedPaymentWithTheSameKeyIsRecordedOnce() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            _ = try await h.createInvoice(customer: customer, number: "F-1", total: "500.00")
            let body: [String: Any] = ["customer_id": customer, "amount": "200.00", "reference": "TRX-1"]
            let first = try await h.send(
                .POST, "/api/v1/payments", json: body, headers: ["Idempotency-Key": "pago-0001"])
            #expect(first.status == .created)
            let retry = try await h.send(
                .POST, "/api/v1/payments", json: body, headers: ["Idempotency-Key": "pago-0001"])
            #expect(retry.status == .created)
            #expect(retry.json["id"] == first.json["id"])
            #expect(retry.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(try await Payment.query(on: h.app.db).count() == 1)
            // the same key for another request is a client error, and changes nothing
            let other = try await h.send(
                .POST, "/api/v1/payments", json: ["customer_id": customer, "amount": "999.00"],
                headers: ["Idempotency-Key": "pago-0001"])
            #expect(other.status == .unprocessableEntity)
            #expect(other.json["error"]["code"].string == "idempotency_key_reused")
            // a refused request stores nothing under its key: fixing it and retrying works
            let bad = try await h.send(
                .POST, "/api/v1/payments", json: ["customer_id": customer, "amount": "-1"],
                headers: ["Idempotency-Key": "pago-0002"])
            #expect(bad.status == .unprocessableEntity)
            #expect(
                try await h.send(
                    .POST, "/api/v1/payments", json: ["customer_id": customer, "amount": "1.00"],
                    headers: ["Idempotency-Key": "pago-0002"]
                ).status == .created)
            // without a key every request is its own payment
            _ = try await h.post("/api/v1/payments", body)
            #expect(try await Payment.query(on: h.app.db).count() == 3)
        }
    }

    @Test func concurrentRetriesWithOneKeyRecordOnePayment() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            _ = try await h.createInvoice(customer: customer, number: "F-1", total: "500.00")
            let replies = try await withThrowingTaskGroup(of: TestHarness.Reply.self) { group in
                for _ in 0..<5 {
                    group.addTask {
                        try await h.send(
                            .POST, "/api/v1/payments", json: ["customer_id": customer, "amount": "100.00"],
                            headers: ["Idempotency-Key": "carrera"])
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(replies.allSatisfy { $0.status == .created }, "\(replies.map(\.status))")
            #expect(Set(replies.compactMap { $0.json["id"].string }).count == 1)
            #expect(try await Payment.query(on: h.app.db).count() == 1)
            #expect(try await h.get("/api/v1/invoices").json["items"][0]["balance"].string == "400.00")
        }
    }

    @Test func payingTheDiscountedTotalInTimeSettlesTheInvoiceWithTheDiscount() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-02-01")
            let customer = try await h.createCustomer()
            let older = try #require(
                try await h.createInvoice(
                    customer: customer, number: "OLD-1", total: "300000.00", issued: "2026-02-01")["id"].string)
            h.travel(to: "2026-03-01")
            let invoice = try await h.createInvoice(
                customer: customer, number: "DTO-1", total: "1000000.00", issued: "2026-03-01",
                extra: ["payment_terms": "2/10 net30"])
            #expect(invoice["early_payment_discount"]["amount_due"].string == "980000.00")
            h.travel(to: "2026-03-09")
            let paid = try await h.post("/api/v1/payments", ["customer_id": customer, "amount": "980000.00"])
            #expect(paid.status == .created)
            let after = try await h.get("/api/v1/invoices/\(invoice["id"].string!)").json
            #expect(after["status"].string == "paid" && after["balance"].string == "0.00")
            #expect(
                try await h.get("/api/v1/invoices/\(older)").json["balance"].string == "300000.00",
                "the older invoice is not what the customer paid")
            let discounts = try await Allocation.query(on: h.app.db).filter(\.$kind == .discount).all()
            #expect(discounts.map(\.amountMinor) == [20_000_00])
            #expect(
                try await AuditEvent.query(on: h.app.db).filter(\.$action == "invoice.discount_applied").count() == 1)

            // the same payment after the deadline earns nothing and goes oldest first
            h.travel(to: "2026-03-01")
            let late = try await h.createInvoice(
                customer: customer, number: "DTO-2", total: "1000000.00", issued: "2026-03-01",
                extra: ["payment_terms": "2/10 net30"])
            h.travel(to: "2026-03-12")
            _ = try await h.post("/api/v1/payments", ["customer_id": customer, "amount": "980000.00"])
            #expect(try await h.get("/api/v1/invoices/\(older)").json["status"].string == "paid")
            #expect(try await h.get("/api/v1/invoices/\(late["id"].string!)").json["balance"].string == "320000.00")
            #expect(try await Allocation.query(on: h.app.db).filter(\.$kind == .discount).count() == 1)
        }
    }

    @Test func aBouncedPaymentIsReversedAndTheInvoicesReopen() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-03-01")
            let customer = try await h.createCustomer()
            let invoice = try await h.createInvoice(
                customer: customer, number: "DTO-9", total: "1000.00", issued: "2026-03-01",
                extra: ["payment_terms": "2/10 net30"])
            let id = try #require(invoice["id"].string)
            h.travel(to: "2026-03-05")
            let payment = try await h.post(
                "/api/v1/payments",
                ["customer_id": customer, "amount": "980.00", "method": "check", "reference": "CHQ 4471"])
            #expect(try await h.get("/api/v1/invoices/\(id)").json["status"].string == "paid")
            let paymentID = try #require(payment.json["id"].string)
            #expect(
                try await h.post("/api/v1/payments/\(paymentID)/reverse", [:]).json["error"]["field"].string == "reason"
            )
            let reversed = try await h.post(
                "/api/v1/payments/\(paymentID)/reverse", ["reason": "Cheque devuelto por fondos insuficientes"])
            #expect(reversed.status == .ok, "\(reversed.json)")
            #expect(reversed.json["reversed_on"].string == "2026-03-05")
            #expect(reversed.json["allocations"].array.isEmpty && reversed.json["unallocated"].string == "0.00")
            let reopened = try await h.get("/api/v1/invoices/\(id)").json
            #expect(
                reopened["status"].string == "open" && reopened["balance"].string == "1000.00",
                "the discount went with the payment")
            #expect(
                try await h.get("/api/v1/customers/\(customer)/statement").json["currencies"][0]["unapplied_credit"]
                    .string == "0.00")
            #expect(
                try await h.post("/api/v1/payments/\(paymentID)/reverse", ["reason": "otra vez"]).status == .conflict)
            #expect(
                try await h.post("/api/v1/payments/\(paymentID)/allocations", [:]).status == .conflict,
                "a reversed payment has no credit to apply")
            let actions = try await AuditEvent.query(on: h.app.db).all().map(\.action)
            #expect(actions.filter { $0 == "invoice.settlement_reversed" }.count == 2)
            #expect(actions.contains("payment.reversed"))
        }
    }
}

@Suite struct DiscountReminderTests {
    @Test func remindersOfferTheEarlyPaymentDiscountWhileItLasts() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-03-01")
            let customer = try await h.customerWithContacts()
            _ = try await h.createInvoice(
                customer: customer, number: "DTO-77", total: "1000000.00", issued: "2026-03-01",
                extra: ["payment_terms": "2/10 net30"])
            // Once the first is sent, a day later, so this announcement is a message of its own
            // (one conversation a day: a new invoice joins a message not yet sent).
            h.travel(to: "2026-03-02")
            _ = try await BackgroundJobs.deliverOutbox(app: h.app, workerID: "w1")
            let plain = try await h.createInvoice(
                customer: customer, number: "NET-78", total: "1000000.00", issued: "2026-03-01")
            let bodies = try await h.messages(customer: customer).compactMap { $0["body_text"].string }
            #expect(
                bodies.contains {
                    $0.contains("DTO-77") && $0.contains("Si paga a más tardar el 11 mar 2026, pague solo $ 980.000,00")
                })
            #expect(bodies.contains { $0.contains("NET-78") && !$0.contains("pronto pago") })
            _ = plain
        }
    }
}
