import CarteraCore
import Foundation
import SQLKit
import Testing
import Vapor

@testable import CarteraApp

/// Regression tests for the crashes of "no input takes Cartera down": each is named after what
/// was seen, and each request used to stop the whole process (or break a page for everyone).
@Suite struct BoundedInputTests {
    /// Every page and organisation-wide read a person or a client opens in a day.
    static func everyView(customer: String, invoice: String) -> (pages: [String], api: [String]) {
        (
            pages: [
                "/", "/worklist", "/customers", "/customers/\(customer)", "/invoices/\(invoice)", "/forecast",
                "/reports",
                "/reconciliation", "/audit", "/import", "/settings/people",
            ],
            api: [
                "/api/v1/customers", "/api/v1/customers/\(customer)", "/api/v1/customers/\(customer)/statement",
                "/api/v1/customers/\(customer)/risk", "/api/v1/customers/\(customer)/credit-check", "/api/v1/invoices",
                "/api/v1/invoices/\(invoice)", "/api/v1/invoices/\(invoice)/prediction", "/api/v1/aging",
                "/api/v1/worklist",
                "/api/v1/forecast", "/api/v1/reports/aging-by-customer", "/api/v1/reports/aging-by-collector",
                "/api/v1/reports/collection", "/api/v1/payments", "/api/v1/audit-events",
            ]
        )
    }

    /// Every view answers 200; with `ownViewsMayRefuse`, the customer's own views may instead refuse
    /// with a clear 422 (their figures cannot be added up), but never fail with a 5xx.
    static func expectEveryViewWorks(
        _ h: TestHarness, customer: String, invoice: String, ownViewsMayRefuse: Bool = false
    ) async throws {
        let views = everyView(customer: customer, invoice: invoice)
        func acceptable(_ path: String, _ status: HTTPStatus) -> Bool {
            status == .ok || (ownViewsMayRefuse && path.contains(customer) && status == .unprocessableEntity)
        }
        let web = try await h.signedIn("admin-\(UUID().uuidString.prefix(6))@prueba.co", role: .admin)
        for path in views.pages {
            let page = try await web.get(path)
            #expect(acceptable(path, page.status), "\(path) answered \(page.status)")
        }
        for path in views.api {
            let reply = try await h.get(path)
            #expect(acceptable(path, reply.status), "\(path) answered \(reply.status): \(reply.json)")
        }
    }

    @Test func aPageNumberOfInt64MaxAnswers422InsteadOfStoppingTheServer() async throws {
        try await TestHarness.run { h in
            for path in ["/api/v1/customers", "/api/v1/invoices", "/api/v1/audit-events", "/api/v1/payments"] {
                let reply = try await h.get("\(path)?page=9223372036854775807&per_page=200")
                #expect(reply.status == .unprocessableEntity, "\(path): \(reply.status)")
                #expect(reply.json["error"]["field"].string == "page")
            }
            let web = try await h.signedIn("admin@prueba.co", role: .admin)
            #expect(try await web.get("/audit?page=9223372036854775807").status == .ok)
            #expect(try await web.get("/customers?page=9223372036854775807").status != .internalServerError)
            #expect(try await h.get("/health").status == .ok)
        }
    }

    @Test func amountsPastTheLimitAre422NamingTheFieldInTheCallersLanguage() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            for total in ["50000000000000000.00", "10000000000000.01", "100000000000000000000", "-9223372036854775808"]
            {
                let reply = try await h.send(
                    .POST, "/api/v1/invoices",
                    json: [
                        "customer_id": customer, "number": "F-\(total)", "issue_date": "2026-03-01", "total": total,
                    ],
                    headers: ["Accept-Language": "es-CO"])
                #expect(reply.status == .unprocessableEntity, "\(total): \(reply.json)")
                #expect(reply.json["error"]["field"].string == "total", "\(total): \(reply.json)")
                if total.hasPrefix("-") { continue }
                #expect(reply.json["error"]["code"].string == "amount_too_large", "\(total): \(reply.json)")
                #expect(
                    reply.json["error"]["message"].string?.contains("supera el mayor importe") == true, "\(reply.json)")
            }
            #expect(try await h.get("/api/v1/invoices").json["total"].int == 0, "nothing stored")
            // the limit itself is accepted
            _ = try await h.createInvoice(customer: customer, number: "F-LIMIT", total: Money.limitText(.cop))
        }
    }

    @Test func invoicesAtTheAmountLimitLeaveEveryPageAndReportWorking() async throws {
        try await TestHarness.run { h in
            // given a USD rate so USD counts in the worklist, and one customer owing the limit three times over
            #expect(try await h.patch("/api/v1/organisation", ["reference_rates": "USD=4100"]).status == .ok)
            let customer = try await h.createCustomer()
            var invoice = ""
            for number in ["L-1", "L-2", "L-3"] {
                invoice = try #require(
                    try await h.createInvoice(
                        customer: customer, number: number, total: Money.limitText(.cop), issued: "2026-01-05")["id"]
                        .string)
            }
            _ = try await h.createInvoice(
                customer: customer, number: "L-USD", total: Money.limitText(.usd), issued: "2026-01-05",
                extra: ["currency": "USD"])
            let other = try await h.createCustomer("Distribuidora Sur S.A.S.")
            _ = try await h.createInvoice(customer: other, number: "S-1", total: "1500000.00")
            try await Self.expectEveryViewWorks(h, customer: customer, invoice: invoice)
        }
    }

    @Test func storedRowsFarPastTheLimitLeaveEveryPageWorkingForEveryoneElse() async throws {
        try await TestHarness.run { h in
            // given two rows an older version let in, each half of Int64.max: their SUM overflows
            let customer = try await h.createCustomer()
            var invoice = ""
            for number in ["H-1", "H-2", "H-3"] {
                invoice = try #require(
                    try await h.createInvoice(
                        customer: customer, number: number, total: "100.00", issued: "2026-01-05")["id"].string)
            }
            let huge = Int64.max / 2
            try await h.app.db.sql.raw(
                """
                UPDATE invoices SET total_minor = \(bind: huge), balance_minor = \(bind: huge) WHERE customer_id = \(bind: UUID(uuidString: customer)!)
                """
            ).run()
            _ = try await h.createInvoice(
                customer: try await h.createCustomer("Distribuidora Sur S.A.S."), number: "S-1", total: "1500000.00")
            try await Self.expectEveryViewWorks(h, customer: customer, invoice: invoice, ownViewsMayRefuse: true)
        }
    }

    @Test func aPaymentPlanPast2199OrWithAbsurdSpacingIs422() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            let invoice = try #require(
                try await h.createInvoice(customer: customer, number: "P-1", total: "900000.00")["id"].string)
            let path = "/api/v1/customers/\(customer)/payment-plans"
            let cases: [([String: Any], String)] = [
                (["invoice_ids": [invoice], "instalments": 3, "first_due_on": "9999-12-15"], "first_due_on"),
                (["invoice_ids": [invoice], "instalments": 3, "first_due_on": "2199-12-15"], "first_due_on"),
                (
                    [
                        "invoice_ids": [invoice], "instalments": 3, "first_due_on": "2026-04-01",
                        "every_days": Int64.max,
                    ], "every_days"
                ),
                (
                    ["invoice_ids": [invoice], "instalments": 3, "first_due_on": "2026-04-01", "every_days": 367],
                    "every_days"
                ),
                (["invoice_ids": [invoice], "instalments": Int64.max, "first_due_on": "2026-04-01"], "instalments"),
            ]
            for (body, field) in cases {
                let reply = try await h.post(path, body)
                #expect(reply.status == .unprocessableEntity, "\(body): \(reply.json)")
                #expect(reply.json["error"]["field"].string == field, "\(body): \(reply.json)")
            }
            #expect(try await h.get(path).json["items"].array.isEmpty, "nothing stored")
            #expect(try await h.get("/health").status == .ok)
        }
    }

    @Test func anInterestRateOfSeventeenNinesIs422() async throws {
        try await TestHarness.run { h in
            for rate in ["99999999999999999", "9223372036854775807", "200.01", "-1"] {
                let reply = try await h.patch(
                    "/api/v1/organisation", ["late_fee_policy": "annual_interest", "late_interest_rate": rate])
                #expect(reply.status == .unprocessableEntity, "\(rate): \(reply.json)")
                #expect(reply.json["error"]["field"].string == "late_interest_rate")
            }
            #expect(try await h.get("/api/v1/organisation").json["late_fee_policy"].string == "none")
        }
    }

    @Test func anInvoiceIssuedOn9999IsRefusedAndOneWhoseTermsPass2199NamesTheTerms() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            let far = try await h.post(
                "/api/v1/invoices",
                ["customer_id": customer, "number": "D-1", "issue_date": "9999-12-31", "total": "10.00"])
            #expect(
                far.status == .unprocessableEntity && far.json["error"]["code"].string == "date_out_of_range",
                "\(far.json)")
            #expect(far.json["error"]["field"].string == "issue_date")
            let terms = try await h.post(
                "/api/v1/invoices",
                [
                    "customer_id": customer, "number": "D-2", "issue_date": "2199-12-31", "payment_terms": "net90",
                    "total": "10.00",
                ])
            #expect(
                terms.status == .unprocessableEntity && terms.json["error"]["field"].string == "payment_terms",
                "\(terms.json)")
            for date in ["0000-01-01", "1899-12-31", "2200-01-01"] {
                let reply = try await h.get("/api/v1/aging?as_of=\(date)")
                #expect(reply.status == .unprocessableEntity, "\(date): \(reply.json)")
            }
            #expect(try await h.get("/api/v1/invoices").json["total"].int == 0)
            #expect(try await h.get("/api/v1/forecast").status == .ok)
        }
    }

    @Test func aReminderRunDatedAfterTodayIs422AndQueuesNothing() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            _ = try await h.createInvoice(customer: customer, number: "R-1", total: "100000.00", issued: "2026-01-05")
            for date in ["2199-12-31", "2026-03-16"] {
                let reply = try await h.post("/api/v1/reminders/run", ["date": date])
                #expect(
                    reply.status == .unprocessableEntity && reply.json["error"]["field"].string == "date",
                    "\(date): \(reply.json)")
            }
            #expect(try await h.get("/api/v1/outbox").json["items"].array.isEmpty, "nothing queued")
            #expect(
                try await h.get("/api/v1/reminders/dry-run?date=2199-12-31").status == .ok, "the dry run looks ahead")
            #expect(try await h.post("/api/v1/reminders/run", ["date": "2026-03-15"]).status == .ok)
        }
    }
}
