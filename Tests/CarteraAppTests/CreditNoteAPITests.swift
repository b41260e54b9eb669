import Testing
import Vapor

@testable import CarteraApp

@Suite struct CreditNoteAPITests {
    @Test func creditNoteReducesItsInvoiceAndKeepsTheExcessAsCredit() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            let invoice = try #require(
                try await h.createInvoice(customer: customer, number: "F-1", total: "100.00")["id"].string)
            _ = try await h.post("/api/v1/payments", ["customer_id": customer, "amount": "70.00"])
            let note = try await h.post(
                "/api/v1/credit-notes",
                [
                    "customer_id": customer, "number": "NC-1", "amount": "50.00", "reason": "Devolución",
                    "invoice_id": invoice,
                ])
            #expect(note.status == .created)
            #expect(note.json["allocated"].string == "30.00")
            #expect(note.json["unallocated"].string == "20.00")
            let paid = try await h.get("/api/v1/invoices/\(invoice)")
            #expect(paid.json["status"].string == "paid")
            #expect(paid.json["settled"].string == "100.00")

            let second = try #require(
                try await h.createInvoice(customer: customer, number: "F-2", total: "15.00")["id"].string)
            let noteID = try #require(note.json["id"].string)
            let applied = try await h.post(
                "/api/v1/credit-notes/\(noteID)/allocations",
                ["allocations": [["invoice_id": second, "amount": "15.00"]]])
            #expect(applied.json["unallocated"].string == "5.00")
            #expect(try await h.get("/api/v1/invoices/\(second)").json["status"].string == "paid")
            #expect(try await h.get("/api/v1/credit-notes?customer_id=\(customer)").json["total"].int == 1)
            #expect(
                try await h.patch("/api/v1/credit-notes/\(noteID)", ["reason": "Devolución parcial"]).json["reason"]
                    .string == "Devolución parcial")
            #expect(try await h.get("/api/v1/credit-notes/\(noteID)").json["allocations"].array.count == 2)
        }
    }

    @Test func duplicateAndInvalidCreditNotes() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            let other = try await h.createCustomer("Otro")
            let invoice = try #require(
                try await h.createInvoice(customer: other, number: "F-1", total: "100.00")["id"].string)
            _ = try await h.post(
                "/api/v1/credit-notes", ["customer_id": customer, "number": "NC-1", "amount": "5.00", "reason": "x"])
            let duplicate = try await h.post(
                "/api/v1/credit-notes", ["customer_id": customer, "number": "NC-1", "amount": "5.00", "reason": "x"])
            #expect(duplicate.status == .conflict)
            #expect(duplicate.json["error"]["code"].string == "duplicate_credit_note_number")
            let wrongCustomer = try await h.post(
                "/api/v1/credit-notes",
                ["customer_id": customer, "number": "NC-2", "amount": "5.00", "reason": "x", "invoice_id": invoice])
            #expect(wrongCustomer.json["error"]["field"].string == "invoice_id")
            let noReason = try await h.post(
                "/api/v1/credit-notes", ["customer_id": customer, "number": "NC-3", "amount": "5.00"])
            #expect(noReason.json["error"]["field"].string == "reason")
            #expect(try await h.get("/api/v1/credit-notes").json["total"].int == 1)
        }
    }
}
