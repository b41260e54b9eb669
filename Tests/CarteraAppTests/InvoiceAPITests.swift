import Testing
import Vapor

@testable import CarteraApp

@Suite struct InvoiceAPITests {
    @Test func createsInvoiceFromLinesWithDueDateFromTerms() async throws {
        try await TestHarness.run { h in
            // given a customer on 2/10 net 30
            let customer = try await h.createCustomer(extra: ["payment_terms": "2/10 net30"])

            // when
            let reply = try await h.post(
                "/api/v1/invoices",
                [
                    "customer_id": customer, "number": "FE-1001", "issue_date": "2026-03-10",
                    "lines": [
                        ["description": "Cemento gris 50 kg", "quantity": "3", "unit_price": "32500.50"],
                        ["description": "Transporte", "quantity": "1.5", "unit_price": "10000.01"],
                    ],
                ])

            // then: 97501.50 + 15000.015 → 15000.02 (half-up) = 112501.52
            #expect(reply.status == .created)
            #expect(reply.json["total"].string == "112501.52")
            #expect(reply.json["balance"].string == "112501.52")
            #expect(reply.json["status"].string == "open")
            #expect(reply.json["due_date"].string == "2026-04-09")
            #expect(reply.json["payment_terms"].string == "2/10 net30")
            #expect(reply.json["lines"][1]["amount"].string == "15000.02")
            #expect(reply.json["lines"][1]["quantity"].string == "1.5")
            #expect(reply.json["days_past_due"].int == 0)
            #expect(reply.json["aging_bucket"].string == "current")
            // 2 % off 112501.52 = 2250.0304 → 2250.03; deadline 10 days after issue
            #expect(reply.json["early_payment_discount"]["deadline"].string == "2026-03-20")
            #expect(reply.json["early_payment_discount"]["amount_due"].string == "110251.49")
        }
    }

    @Test func duplicateNumberIsAConflictAndChangesNothing() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            _ = try await h.createInvoice(customer: customer, number: "FE-1", total: "100.00")
            let again = try await h.post(
                "/api/v1/invoices", ["customer_id": customer, "number": "FE-1", "total": "999.00"])
            #expect(again.status == .conflict)
            #expect(again.json["error"]["code"].string == "duplicate_invoice_number")
            #expect(again.json["error"]["field"].string == "number")
            let list = try await h.get("/api/v1/invoices")
            #expect(list.json["total"].int == 1)
            #expect(list.json["items"][0]["total"].string == "100.00")
        }
    }

    @Test(
        arguments: [
            (["total": "-10.00"], "total", "negative_amount", 422),
            (["total": "0"], "total", "invalid_amount", 422),
            (["total": "10.005"], "total", "too_many_decimals", 422),
            (["total": "1.000,50"], "total", "invalid_amount", 422),
            (["total": "10", "currency": "ABC"], "currency", "unknown_currency", 422),
            (["total": "10", "issue_date": "2026-02-30"], "issue_date", "invalid_date", 422),
            (["total": "10", "issue_date": "15/03/2026"], "issue_date", "invalid_date", 422),
            (["total": "10", "due_date": "2026-01-01", "issue_date": "2026-03-01"], "due_date", "invalid_field", 422),
            (["total": "10", "status": "paid"], "status", "invalid_field", 422),
            ([:], "total", "missing_field", 422),
        ] as [([String: String], String, String, Int)])
    func rejectsBadInvoiceInput(extra: [String: String], field: String, code: String, status: Int) async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            let body: [String: Any] = ["customer_id": customer, "number": "FE-9"].merging(extra) { $1 }
            let reply = try await h.post("/api/v1/invoices", body)
            #expect(Int(reply.status.code) == status)
            #expect(reply.json["error"]["code"].string == code)
            #expect(reply.json["error"]["field"].string == field)
            #expect(try await h.get("/api/v1/invoices").json["total"].int == 0)
        }
    }

    @Test func clpHasNoDecimalsAndMismatchedLinesAreRejected() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer(extra: ["currency": "CLP"])
            let cents = try await h.post(
                "/api/v1/invoices", ["customer_id": customer, "number": "B-1", "total": "1500.50"])
            #expect(cents.json["error"]["code"].string == "too_many_decimals")
            let ok = try await h.createInvoice(customer: customer, number: "B-2", total: "1500")
            #expect(ok["currency"].string == "CLP")
            #expect(ok["total"].string == "1500")
            let mismatch = try await h.post(
                "/api/v1/invoices",
                [
                    "customer_id": customer, "number": "B-3", "total": "10",
                    "lines": [["description": "x", "unit_price": "11"]],
                ])
            #expect(mismatch.json["error"]["code"].string == "total_mismatch")
            let badLine = try await h.post(
                "/api/v1/invoices",
                [
                    "customer_id": customer, "number": "B-4",
                    "lines": [["description": "x", "quantity": "-1", "unit_price": "11"]],
                ])
            #expect(badLine.json["error"]["field"].string == "lines[0].quantity")
        }
    }

    @Test func unknownCustomerIsRejected() async throws {
        try await TestHarness.run { h in
            let reply = try await h.post(
                "/api/v1/invoices", ["customer_id": UUID().uuidString, "number": "1", "total": "5"])
            #expect(reply.status == .unprocessableEntity)
            #expect(reply.json["error"]["code"].string == "unknown_customer")
            #expect(reply.json["error"]["field"].string == "customer_id")
            let notUUID = try await h.post("/api/v1/invoices", ["customer_id": "abc", "number": "1", "total": "5"])
            #expect(notUUID.status == .unprocessableEntity)
            #expect(notUUID.json["error"]["field"].string == "customer_id")
        }
    }

    @Test func listsFilterByStatusCustomerAndOverdue() async throws {
        try await TestHarness.run { h in
            // today is 2026-03-15
            let a = try await h.createCustomer("A")
            let b = try await h.createCustomer("B")
            // due 01-31: overdue
            _ = try await h.createInvoice(customer: a, number: "1", total: "10", issued: "2026-01-01")
            _ = try await h.createInvoice(customer: a, number: "2", total: "10", issued: "2026-03-01") // due 03-31
            _ = try await h.createInvoice(
                customer: b, number: "3", total: "10", issued: "2026-02-01", extra: ["status": "draft"])
            #expect(
                try await h.get("/api/v1/invoices?overdue=true").json["items"].array.compactMap { $0["number"].string }
                    == ["1"])
            #expect(try await h.get("/api/v1/invoices?customer_id=\(b)").json["total"].int == 1)
            #expect(try await h.get("/api/v1/invoices?status=draft").json["items"][0]["number"].string == "3")
            #expect(try await h.get("/api/v1/invoices?status=open,draft").json["total"].int == 3)
            #expect(try await h.get("/api/v1/invoices?due_from=2026-03-01&due_to=2026-03-31").json["total"].int == 2)
            let bad = try await h.get("/api/v1/invoices?status=unpaid")
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.json["error"]["field"].string == "status")
            let badDate = try await h.get("/api/v1/invoices?due_from=yesterday")
            #expect(badDate.json["error"]["code"].string == "invalid_date")
        }
    }

    @Test func draftsAreEditableIssuedInvoicesOnlyInDatesAndNotes() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            let draft = try await h.createInvoice(
                customer: customer, number: "D-1", total: "100.00", extra: ["status": "draft"])
            let id = try #require(draft["id"].string)
            #expect(draft["status"].string == "draft")
            let edited = try await h.patch("/api/v1/invoices/\(id)", ["total": "150.00", "number": "D-2"])
            #expect(edited.json["total"].string == "150.00")
            #expect(edited.json["number"].string == "D-2")
            let issued = try await h.send(.POST, "/api/v1/invoices/\(id)/issue")
            #expect(issued.json["status"].string == "open")
            #expect(issued.json["balance"].string == "150.00")
            let refused = try await h.patch("/api/v1/invoices/\(id)", ["total": "1.00"])
            #expect(refused.status == .conflict)
            #expect(refused.json["error"]["code"].string == "invoice_not_editable")
            let moved = try await h.patch(
                "/api/v1/invoices/\(id)", ["due_date": "2026-05-01", "external_reference": "OC-77"])
            #expect(moved.json["due_date"].string == "2026-05-01")
            #expect(moved.json["external_reference"].string == "OC-77")
            #expect(try await h.send(.POST, "/api/v1/invoices/\(id)/issue").status == .conflict)
        }
    }

    @Test func voidingNeedsAReasonAndNoSettlements() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            let first = try #require(
                try await h.createInvoice(customer: customer, number: "V-1", total: "100.00")["id"].string)
            let noReason = try await h.post("/api/v1/invoices/\(first)/void", [:])
            #expect(noReason.json["error"]["field"].string == "reason")
            let voided = try await h.post("/api/v1/invoices/\(first)/void", ["reason": "Factura duplicada"])
            #expect(voided.json["status"].string == "void")
            #expect(voided.json["balance"].string == "0.00")
            let second = try #require(
                try await h.createInvoice(customer: customer, number: "V-2", total: "100.00")["id"].string)
            _ = try await h.post("/api/v1/payments", ["customer_id": customer, "amount": "10.00"])
            let refused = try await h.post("/api/v1/invoices/\(second)/void", ["reason": "x"])
            #expect(refused.status == .conflict)
            #expect(refused.json["error"]["code"].string == "invoice_has_settlements")
        }
    }
}
