import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// Customers and invoices from the pages: a NIT typed without its check digit is stored with it and
/// shown formatted, a wrong digit is refused next to the field with everything typed kept, a
/// customer edited; an invoice typed the Colombian way, a draft edited and issued, an invoice voided.
/// The same services as the API.
@Suite struct CustomerInvoiceFormsTests {
    func customerFields(name: String, taxID: String, limit: String = "15.000.000") -> [(String, String)] {
        [
            ("_form", "customer"), ("legal_name", name), ("tax_id_kind", "nit"), ("tax_id", taxID),
            ("payment_terms", "net45"), ("currency", "COP"), ("credit_limit", limit), ("tags", "Mayorista, bogotá"),
            ("language", "es"), ("user_id", ""), ("reminders_off[]", "before_due"), ("address_line", "Calle 10 # 5-20"),
            ("city", "Bogotá"), ("region", "Cundinamarca"), ("postal_code", "110111"), ("country", "Colombia"),
            ("notes", "Paga los viernes"),
        ]
    }

    @Test func aNITTypedWithoutItsCheckDigitIsStoredWithItAndShownFormatted() async throws {
        try await TestHarness.run { h in
            let browser = try await h.signedIn("gestor@empresa.co", role: .collector)
            let form = try await browser.get("/customers/new")
            #expect(form.status == .ok)
            #expect(form.body.contains("45 días"))
            #expect(!form.body.contains(">net45<"))
            #expect(form.body.contains("NIT (Colombia)"))

            let posted = try await browser.post(
                "/customers", customerFields(name: "Distribuidora Andina S.A.S.", taxID: "900123456"),
                referer: "http://localhost/customers/new")
            #expect(posted.status == .seeOther)
            let customer = try #require(
                try await Customer.query(on: h.app.db).filter(\.$legalName == "Distribuidora Andina S.A.S.").first())
            #expect(customer.taxID == "900123456-8")
            #expect(customer.paymentTerms == "net45")
            #expect(customer.creditLimitMinor == 1_500_000_000)
            #expect(customer.tags == ["bogotá", "mayorista"])
            #expect(customer.reminderKindsOff == "before_due")
            #expect(customer.city == "Bogotá")
            #expect(customer.postalCode == "110111")
            #expect(posted.location == "/customers/\(try customer.requireID().uuidString)")

            let page = try await browser.get(try #require(posted.location))
            #expect(page.body.contains("900.123.456-8"))
            #expect(page.body.contains("45 días"))
            #expect(page.body.contains("Cliente creado."))
            let events = try await AuditEvent.query(on: h.app.db).filter(\.$action == "customer.created").count()
            #expect(events == 1)
        }
    }

    @Test func aWrongCheckDigitIsRefusedNextToTheFieldKeepingWhatWasTyped() async throws {
        try await TestHarness.run { h in
            let browser = try await h.signedIn("gestor@empresa.co", role: .collector)
            try await browser.get("/customers/new")
            let posted = try await browser.post(
                "/customers", customerFields(name: "Textiles del Norte Ltda.", taxID: "900.123.456-7"),
                referer: "http://localhost/customers/new")
            #expect(posted.status == .seeOther)
            #expect(posted.location == "/customers/new")
            #expect(try await Customer.query(on: h.app.db).count() == 0)

            let back = try await browser.get("/customers/new")
            #expect(back.body.contains("id=\"tax-id-error\""))
            #expect(back.body.contains("Identificación tributaria: el dígito de verificación no corresponde"))
            #expect(back.body.contains("value=\"Textiles del Norte Ltda.\""))
            #expect(back.body.contains("value=\"900.123.456-7\""))
            #expect(back.body.contains("value=\"15.000.000\""))
            #expect(back.body.contains("Paga los viernes"))
            #expect(back.body.contains("value=\"net45\" data-net") || back.body.contains("value=\"net45\" selected"))
            // Once shown, the form is clean again.
            let again = try await browser.get("/customers/new")
            #expect(!again.body.contains("tax-id-error"))
        }
    }

    @Test func anAmountThatIsNotOneIsRefusedNextToTheCreditLimit() async throws {
        try await TestHarness.run { h in
            let browser = try await h.signedIn("gestor@empresa.co", role: .collector)
            try await browser.get("/customers/new")
            _ = try await browser.post(
                "/customers", customerFields(name: "Muebles Río", taxID: "", limit: "mucho"),
                referer: "http://localhost/customers/new")
            let back = try await browser.get("/customers/new")
            #expect(back.body.contains("id=\"credit-limit-error\""))
            #expect(back.body.contains("Cupo de crédito: escriba un importe"))
            #expect(try await Customer.query(on: h.app.db).count() == 0)
        }
    }

    @Test func editingACustomerChangesItsFieldsAndCollector() async throws {
        try await TestHarness.run { h in
            let id = try await h.createCustomer("Comercial Los Andes S.A.S.", extra: ["credit_limit": "5000000.00"])
            let collector = try await h.createUser("cobra@empresa.co", role: .collector)
            let browser = try await h.signedIn("gestor@empresa.co", role: .collector)
            let form = try await browser.get("/customers/\(id)/edit")
            #expect(form.status == .ok)
            #expect(form.body.contains("value=\"900.123.456-8\""))
            #expect(form.body.contains("value=\"5.000.000,00\""))
            #expect(form.body.contains("30 días"))

            var fields = customerFields(
                name: "Comercial Los Andes S.A.S.", taxID: "800.197.268-4", limit: "7.500.000,50")
            fields.removeAll { $0.0 == "user_id" || $0.0 == "reminders_off[]" }
            fields.append(("user_id", try collector.requireID().uuidString))
            fields.append(("do_not_contact", "1"))
            let posted = try await browser.post(
                "/customers/\(id)", fields, referer: "http://localhost/customers/\(id)/edit")
            #expect(posted.status == .seeOther)
            let customer = try #require(try await Customer.find(UUID(uuidString: id), on: h.app.db))
            #expect(customer.taxID == "800197268-4")
            #expect(customer.creditLimitMinor == 750_000_050)
            #expect(customer.doNotContact)
            #expect(customer.reminderKindsOff == "")
            #expect(customer.assignedUserID == collector.id)
            #expect(customer.addressLine == "Calle 10 # 5-20")
            let page = try await browser.get("/customers/\(id)")
            #expect(page.body.contains("800.197.268-4"))
            #expect(page.body.contains("Cambios guardados."))
        }
    }

    @Test func theAPIChecksTaxIDsTheSameWay() async throws {
        try await TestHarness.run { h in
            let wrong = try await h.post("/api/v1/customers", ["legal_name": "X S.A.S.", "tax_id": "900123456-7"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.json["error"]["code"].string == "wrong_check_digit")
            #expect(wrong.json["error"]["field"].string == "tax_id")
            let computed = try await h.post("/api/v1/customers", ["legal_name": "Y S.A.S.", "tax_id": "900.123.456"])
            #expect(computed.json["tax_id"].string == "900123456-8")
            let foreign = try await h.post(
                "/api/v1/customers", ["legal_name": "Z Inc.", "tax_id": "US-1234", "tax_id_kind": "other"])
            #expect(foreign.json["tax_id"].string == "US-1234")
            let rut = try await h.post(
                "/api/v1/customers", ["legal_name": "W SpA", "tax_id": "12.345.678-5", "tax_id_kind": "rut"])
            #expect(rut.json["tax_id"].string == "12345678-5")
        }
    }

    // MARK: - Invoices

    func invoiceFields(customer: String, number: String, status: String, prices: [String]) -> [(String, String)] {
        var fields: [(String, String)] = [
            ("_form", "invoice"), ("customer_id", customer), ("number", number), ("issue_date", "2026-03-10"),
            ("payment_terms", "net30"), ("due_date", ""), ("discount_percent", ""), ("discount_days", ""),
            ("currency", "COP"), ("total", ""), ("notes", ""), ("status", status),
        ]
        for (index, price) in prices.enumerated() {
            fields += [
                ("line_description[]", "Producto \(index + 1)"), ("line_quantity[]", ""), ("line_unit_price[]", price),
            ]
        }
        fields += [("line_description[]", ""), ("line_quantity[]", ""), ("line_unit_price[]", "")]
        return fields
    }

    @Test func anInvoiceTypedTheColombianWayIsIssuedWithItsDueDateFromTheTerms() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer("Lácteos del Valle S.A.S.")
            let browser = try await h.signedIn("gestor@empresa.co", role: .collector)
            let form = try await browser.get("/invoices/new?customer=\(customer)")
            #expect(form.status == .ok)
            #expect(form.body.contains("Lácteos del Valle S.A.S. · 900.123.456-8"))
            #expect(form.body.contains("2 % 10 días, neto 30"))
            #expect(form.body.contains("placeholder=\"1.500.000,50\""))

            let posted = try await browser.post(
                "/invoices",
                invoiceFields(customer: customer, number: "FE-9001", status: "open", prices: ["1.500.000,50"]),
                referer: "http://localhost/invoices/new?customer=\(customer)")
            #expect(posted.status == .seeOther)
            let invoice = try #require(try await Invoice.query(on: h.app.db).filter(\.$number == "FE-9001").first())
            #expect(invoice.totalMinor == 150_000_050)
            #expect(invoice.status == .open)
            #expect(invoice.dueDate == "2026-04-09")
            let lines = try await InvoiceLine.query(on: h.app.db).filter(\.$invoice.$id == invoice.requireID()).all()
            #expect(lines.count == 1)
            let page = try await browser.get(try #require(posted.location))
            #expect(page.body.contains("$ 1.500.000,50"))
            #expect(page.body.contains("30 días"))
            #expect(page.body.contains("id=\"void-form\""))
        }
    }

    @Test func aBadLinePriceComesBackNextToItsRow() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            let browser = try await h.signedIn("gestor@empresa.co", role: .collector)
            try await browser.get("/invoices/new")
            _ = try await browser.post(
                "/invoices",
                invoiceFields(customer: customer, number: "FE-9002", status: "open", prices: ["100", "cien"]),
                referer: "http://localhost/invoices/new")
            #expect(try await Invoice.query(on: h.app.db).count() == 0)
            let back = try await browser.get("/invoices/new")
            #expect(back.body.contains("Precio unitario: escriba un importe"))
            #expect(back.body.contains("value=\"cien\" aria-invalid=\"true\""))
            #expect(back.body.contains("value=\"FE-9002\""))
        }
    }

    @Test func aDraftIsEditedThenIssuedAndAnInvoiceIsVoided() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            let browser = try await h.signedIn("gestor@empresa.co", role: .collector)
            try await browser.get("/invoices/new")
            let drafted = try await browser.post(
                "/invoices", invoiceFields(customer: customer, number: "FE-9003", status: "draft", prices: ["200.000"]),
                referer: "http://localhost/invoices/new")
            let invoice = try #require(try await Invoice.query(on: h.app.db).filter(\.$number == "FE-9003").first())
            #expect(invoice.status == .draft)
            let id = try invoice.requireID()
            let page = try await browser.get(try #require(drafted.location))
            #expect(page.body.contains("id=\"edit-draft\""))

            let edit = try await browser.get("/invoices/\(id)/edit")
            #expect(edit.status == .ok)
            #expect(edit.body.contains("value=\"200.000,00\""))
            var fields = invoiceFields(
                customer: customer, number: "FE-9003", status: "draft", prices: ["250.000", "50.000,25"])
            fields.removeAll { $0.0 == "discount_percent" || $0.0 == "discount_days" }
            fields += [("discount_percent", "2"), ("discount_days", "10")]
            _ = try await browser.post("/invoices/\(id)", fields, referer: "http://localhost/invoices/\(id)/edit")
            let edited = try #require(try await Invoice.find(id, on: h.app.db))
            #expect(edited.totalMinor == 30_000_025)
            #expect(edited.paymentTerms == "2/10 net30")
            #expect(edited.status == .draft)

            try await browser.get("/invoices/\(id)")
            let issued = try await browser.post("/invoices/\(id)/issue", [], referer: "http://localhost/invoices/\(id)")
            #expect(issued.status == .seeOther)
            #expect(try await Invoice.find(id, on: h.app.db)?.status == .open)

            try await browser.get("/invoices/\(id)")
            let refused = try await browser.post(
                "/invoices/\(id)/void", [("_form", "void"), ("reason", " ")], referer: "http://localhost/invoices/\(id)"
            )
            #expect(refused.status == .seeOther)
            #expect(try await Invoice.find(id, on: h.app.db)?.status == .open)
            try await browser.get("/invoices/\(id)")
            let voided = try await browser.post(
                "/invoices/\(id)/void", [("_form", "void"), ("reason", "Duplicada")],
                referer: "http://localhost/invoices/\(id)")
            #expect(voided.status == .seeOther)
            #expect(try await Invoice.find(id, on: h.app.db)?.status == .void)
            let events = try await AuditEvent.query(on: h.app.db).filter(\.$action == "invoice.voided").count()
            #expect(events == 1)
        }
    }

    @Test func viewersCannotOpenTheForms() async throws {
        try await TestHarness.run { h in
            let browser = try await h.signedIn("consulta@empresa.co", role: .viewer)
            let reply = try await browser.get("/customers/new")
            #expect(reply.status == .forbidden)
        }
    }
}
