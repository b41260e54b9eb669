import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// The pages render with real data, and their forms do what the API does.
@Suite struct WorkspacePagesTests {
    func setUp(_ h: TestHarness) async throws -> (customer: String, invoice: String, browser: WebClient) {
        h.travel(to: "2026-02-18")
        let customer = try await h.customerWithContacts()
        _ = try await h.patch("/api/v1/customers/\(customer)", ["credit_limit": "500000.00"])
        let invoice = try await h.createInvoice(
            customer: customer, number: "FE-2001", total: "900000.00", issued: "2026-02-18")
        h.travel(to: "2026-04-01")
        let browser = try await h.signedIn("gestor@empresa.co", role: .collector)
        return (customer, try #require(invoice["id"].string), browser)
    }

    @Test func everyPageRendersWithData() async throws {
        try await TestHarness.run { h in
            let (customer, invoice, browser) = try await setUp(h)
            let dashboard = try await browser.get("/")
            #expect(dashboard.status == .ok)
            #expect(dashboard.body.contains("$ 900.000,00"))
            #expect(dashboard.body.contains("<svg"))
            let worklist = try await browser.get("/worklist?scope=all")
            #expect(worklist.body.contains("Ferretería El Progreso S.A.S."))
            let page = try await browser.get("/customers/\(customer)")
            #expect(page.status == .ok)
            #expect(page.body.contains("FE-2001"))
            #expect(page.body.contains("María Tesorería"))
            // over its limit of $ 500.000: the page says it is on hold and why
            #expect(page.body.contains("Bloqueado"))
            #expect(page.body.contains("supera el cupo $ 500.000,00"))
            let invoicePage = try await browser.get("/invoices/\(invoice)")
            #expect(invoicePage.body.contains("id=\"next-reminder\""))
            #expect(try await browser.get("/customers?q=Progreso").body.contains("Ferretería El Progreso"))
            #expect(try await browser.get("/audit").body.contains("customer.created"))
            let caseFile = try await browser.get("/customers/\(customer)/case-file?format=csv")
            #expect(caseFile.headers.contentType?.subType == "csv")
            #expect(caseFile.body.contains("FE-2001"))
            #expect(try await browser.get("/customers/\(UUID())").status == .notFound)
        }
    }

    @Test func aCallWithAPromiseFromTheFormPausesTheInvoice() async throws {
        try await TestHarness.run { h in
            let (customer, invoice, browser) = try await setUp(h)
            try await browser.get("/customers/\(customer)")
            let posted = try await browser.post(
                "/customers/\(customer)/calls",
                [
                    ("contact", ""), ("outcome", "promise"), ("promiseAmount", "900000.00"),
                    ("promisedOn", "2026-04-10"),
                    ("note", "Promete pagar el 10"), ("followUpOn", ""),
                ], referer: "http://localhost/customers/\(customer)")
            #expect(posted.status == .seeOther)
            #expect(posted.location == "/customers/\(customer)")
            let page = try await browser.get("/customers/\(customer)")
            #expect(page.body.contains("Llamada registrada"))
            #expect(page.body.contains("Promesa de pago"))
            #expect(try await browser.get("/invoices/\(invoice)").body.contains("id=\"reminders-paused\""))
        }
    }

    @Test func aRefusedFormGoesBackWithTheReasonAndChangesNothing() async throws {
        try await TestHarness.run { h in
            let (customer, _, browser) = try await setUp(h)
            try await browser.get("/customers/\(customer)")
            let refused = try await browser.post(
                "/customers/\(customer)/calls",
                [("outcome", "promise"), ("promiseAmount", "abc"), ("promisedOn", "2026-04-10")],
                referer: "http://localhost/customers/\(customer)")
            #expect(refused.status == .seeOther)
            let page = try await browser.get("/customers/\(customer)")
            #expect(page.body.contains("flash-error"))
            #expect(try await PaymentPromise.query(on: h.app.db).count() == 0)
            #expect(try await Interaction.query(on: h.app.db).count() == 0)
        }
    }

    @Test func amountsAreTypedTheColombianWayAndARefusalKeepsWhatWasTyped() async throws {
        try await TestHarness.run { h in
            let (customer, _, browser) = try await setUp(h)
            let back = "http://localhost/customers/\(customer)"
            try await browser.get("/customers/\(customer)")
            let refused = try await browser.post(
                "/customers/\(customer)/calls",
                [
                    ("_form", "call"), ("outcome", "promise"), ("promiseAmount", "quince millones"),
                    ("promisedOn", "2026-04-10"), ("note", "Dijo que paga el viernes"),
                ], referer: back)
            #expect(refused.status == .seeOther)
            let page = try await browser.get("/customers/\(customer)").body
            // next to the field, in Spanish, with the field's name; and what was typed is still there
            #expect(page.contains("<span class=\"field-error\">Valor prometido: escriba un importe"))
            #expect(page.contains("value=\"quince millones\""))
            #expect(page.contains(">Dijo que paga el viernes</textarea>"))
            #expect(!page.contains("promiseAmount debe"))
            // the next view is clean again
            #expect(!(try await browser.get("/customers/\(customer)").body.contains("quince millones")))
            #expect(try await PaymentPromise.query(on: h.app.db).count() == 0)

            // a refusal from the service itself lands next to its field too
            _ = try await browser.post(
                "/customers/\(customer)/calls",
                [
                    ("_form", "call"), ("outcome", "promise"), ("promiseAmount", "450.000"),
                    ("promisedOn", "2026-03-01"),
                ],
                referer: back)
            let past = try await browser.get("/customers/\(customer)").body
            #expect(past.contains("<span class=\"field-error\">Fecha prometida: elija hoy o una fecha posterior"))
            #expect(past.contains("value=\"450.000\""))

            let typed = try await browser.post(
                "/customers/\(customer)/calls",
                [
                    ("_form", "call"), ("outcome", "promise"), ("promiseAmount", "$ 450.000,50"),
                    ("promisedOn", "2026-04-10"), ("note", ""),
                ], referer: back)
            #expect(typed.status == .seeOther)
            let promise = try #require(try await PaymentPromise.query(on: h.app.db).first())
            #expect(promise.amountMinor == 45_000_050)
        }
    }

    @Test func aRefusedContactKeepsWhatWasTyped() async throws {
        try await TestHarness.run { h in
            let (customer, _, browser) = try await setUp(h)
            try await browser.get("/customers/\(customer)")
            _ = try await browser.post(
                "/customers/\(customer)/contacts",
                [("_form", "contact"), ("name", "Rosa Pagos"), ("role", "billing"), ("email", "rosa@@pagos")],
                referer: "http://localhost/customers/\(customer)")
            let page = try await browser.get("/customers/\(customer)").body
            #expect(page.contains("value=\"Rosa Pagos\""))
            #expect(page.contains("value=\"rosa@@pagos\""))
            #expect(page.contains("<span class=\"field-error\">Correo debe ser un correo"))
        }
    }

    @Test func planDisputeHoldAndAssignmentFromTheirForms() async throws {
        try await TestHarness.run { h in
            let (customer, invoice, browser) = try await setUp(h)
            try await browser.get("/customers/\(customer)")
            #expect(
                try await browser.post(
                    "/customers/\(customer)/payment-plans",
                    [
                        ("invoiceIds[]", invoice), ("instalments", "3"), ("firstDueOn", "2026-04-15"),
                        ("spacing", "15"), ("downPayment", ""), ("note", ""),
                    ]
                ).status == .seeOther)
            let plan = try #require(try await PaymentPlan.query(on: h.app.db).first())
            let dates = try await PlanInstalment.query(on: h.app.db).filter(\.$plan.$id == plan.requireID()).sort(
                \.$number
            ).all().map(\.dueOn)
            #expect(dates == ["2026-04-15", "2026-04-30", "2026-05-15"])

            try await browser.get("/invoices/\(invoice)")
            #expect(
                try await browser.post(
                    "/invoices/\(invoice)/disputes",
                    [("reason", "Precio distinto al pactado"), ("amount", "100000.00")]
                ).status == .seeOther)
            let dispute = try #require(try await Dispute.query(on: h.app.db).first())
            #expect(dispute.amountMinor == 100_000_00)
            try await browser.get("/invoices/\(invoice)")
            #expect(
                try await browser.post(
                    "/disputes/\(dispute.requireID())/resolve",
                    [("resolution", "rejected"), ("note", "Precio correcto")]
                ).status == .seeOther)
            #expect(try await Dispute.query(on: h.app.db).first()?.status == .resolved)

            try await browser.get("/customers/\(customer)")
            #expect(
                try await browser.post("/customers/\(customer)/credit-hold", [("reason", "Cheque devuelto")]).status
                    == .seeOther)
            #expect(
                try await Customer.find(UUID(uuidString: customer), on: h.app.db)?.creditHoldReason == "Cheque devuelto"
            )
            let me = try #require(try await User.query(on: h.app.db).filter(\.$email == "gestor@empresa.co").first())
            #expect(
                try await browser.post("/customers/\(customer)/assign", [("userId", try me.requireID().uuidString)])
                    .status == .seeOther)
            #expect(try await Customer.find(UUID(uuidString: customer), on: h.app.db)?.assignedUserID == me.id)
            #expect(try await browser.get("/customers/\(customer)").body.contains("Gestor gestor@empresa.co"))
        }
    }

    @Test func adminsManagePeopleAndTheLanguageSwitches() async throws {
        try await TestHarness.run { h in
            let admin = try await h.signedIn("admin@empresa.co", role: .admin)
            try await admin.get("/settings/people")
            #expect(
                try await admin.post(
                    "/settings/people",
                    [
                        ("name", "Nuevo Gestor"), ("email", "nuevo@empresa.co"), ("password", "clave-de-diez"),
                        ("role", "collector"), ("language", "en"),
                    ]
                ).status == .seeOther)
            let created = try #require(
                try await User.query(on: h.app.db).filter(\.$email == "nuevo@empresa.co").first())
            #expect(created.role == .collector && created.passwordHash.hasPrefix("$2"))
            try await admin.get("/settings/people")
            #expect(
                try await admin.post("/settings/people/\(created.requireID())", [("active", "false")]).status
                    == .seeOther)
            #expect(try await User.find(created.id, on: h.app.db)?.disabledAt != nil)
            // a short password is refused and nobody is created
            try await admin.get("/settings/people")
            _ = try await admin.post(
                "/settings/people",
                [("name", "Corto"), ("email", "corto@empresa.co"), ("password", "corta"), ("role", "viewer")])
            #expect(try await User.query(on: h.app.db).filter(\.$email == "corto@empresa.co").count() == 0)
            // English on request, Spanish by default
            #expect(try await admin.get("/worklist").body.contains("Lista de trabajo"))
            try await admin.post("/language", [("lang", "en")])
            #expect(try await admin.get("/worklist").body.contains("My accounts"))
        }
    }
}
