import CarteraCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// The policies and templates pages through HTTP, as a browser posts them: saved through the same
/// services as the API, refused forms back with what was typed, previews by the code that sends.
@Suite struct PolicyTemplatePagesTests {
    /// One customer owing one invoice issued 1 Mar 2026 at 30 days (due Tuesday 31 Mar), an admin signed in.
    func setUp(_ h: TestHarness, role: Role = .admin) async throws -> (customer: String, browser: WebClient) {
        h.travel(to: "2026-03-01")
        let customer = try await h.createCustomer()
        _ = try await h.createInvoice(customer: customer, number: "FE-3001", total: "1200000.00", issued: "2026-03-01")
        let browser = try await h.signedIn("persona@empresa.co", role: role)
        return (customer, browser)
    }

    /// The standard policy's rows as the page posts them, with some fields changed.
    func rows(_ changes: [String: String] = [:], name: String = "Política estándar") -> [(String, String)] {
        var fields: [(String, String)] = [("_form", "policy"), ("name", name)]
        let steps = CollectionPolicy.standard.steps
        fields.append(("rows", String(steps.count + 1)))
        for (n, step) in steps.enumerated() {
            fields += [
                ("key_\(n)", step.key), ("days_\(n)", step.offsetDays == 0 ? "" : String(abs(step.offsetDays))),
                ("when_\(n)", step.offsetDays < 0 ? "before" : step.offsetDays == 0 ? "due" : "after"),
                ("channel_\(n)", step.channel.rawValue), ("tone_\(n)", step.tone.rawValue),
                ("template_\(n)", step.templateKey),
            ]
        }
        let blank = steps.count
        fields += [
            ("key_\(blank)", ""), ("days_\(blank)", ""), ("when_\(blank)", "after"), ("channel_\(blank)", "email"),
            ("tone_\(blank)", "friendly"), ("template_\(blank)", ""),
        ]
        return fields.map { field in (field.0, changes[field.0] ?? field.1) }
            + changes.filter { change in !fields.contains { $0.0 == change.key } }.map { ($0.key, $0.value) }
    }

    @Test func theListShowsTheBuiltInPolicyInWords() async throws {
        try await TestHarness.run { h in
            let (_, browser) = try await setUp(h)
            let list = try await browser.get("/policies")
            #expect(list.status == .ok)
            #expect(list.body.contains("Política estándar"))
            #expect(list.body.contains("Por defecto"))
            #expect(list.body.contains("7 pasos"))
            #expect(list.body.contains("La siguen 1 clientes."))
            let page = try await browser.get("/policies/standard")
            #expect(page.status == .ok)
            #expect(page.body.contains("10 días antes del vencimiento"))
            #expect(page.body.contains("Factura vencida, segundo aviso"))
            #expect(!page.body.contains(">before_10<"))
            // The sample is the real owed invoice; +10 days after 31 Mar is Friday 10 Apr.
            #expect(page.body.contains("FE-3001"))
            #expect(page.body.contains("10 abr 2026"))
        }
    }

    @Test func editingAStepSavesItAuditedAndMovesThePreview() async throws {
        try await TestHarness.run { h in
            let (_, browser) = try await setUp(h)
            try await browser.get("/policies/standard")
            // Preview first: +13 days falls on Monday 13 Apr; nothing is saved.
            let preview = try await browser.post("/policies/standard/preview", rows(["days_2": "13"]))
            #expect(preview.status == .ok)
            #expect(preview.body.contains("13 abr 2026"))
            #expect(!preview.body.contains("10 abr 2026"))
            #expect(try await CollectionPolicyRecord.query(on: h.app.db).count() == 0)
            // Saving the built-in one makes it the organisation's own default.
            let saved = try await browser.post("/policies/standard", rows(["days_2": "13"]))
            #expect(saved.status == .seeOther)
            let record = try #require(try await CollectionPolicyRecord.query(on: h.app.db).first())
            #expect(saved.location == "/policies/\(try record.requireID())")
            #expect(record.isDefault)
            #expect(try record.policy.steps.first { $0.key == "after_10" }?.offsetDays == 13)
            // Then changed again through the update, like the API's PATCH: audited.
            let page = try await browser.get(saved.location ?? "")
            #expect(page.body.contains("Política guardada."))
            #expect(page.body.contains("13 abr 2026"))
            let id = try record.requireID()
            let again = try await browser.post("/policies/\(id)", rows(["days_2": "14"]))
            #expect(again.status == .seeOther)
            let stored = try #require(try await CollectionPolicyRecord.find(id, on: h.app.db))
            #expect(try stored.policy.steps.first { $0.key == "after_10" }?.offsetDays == 14)
            let actions = try await AuditEvent.query(on: h.app.db).all().map(\.action)
            #expect(actions.contains("policy.created"))
            #expect(actions.contains("policy.updated"))
            #expect(try await browser.get("/policies/\(id)").body.contains("14 abr 2026"))
        }
    }

    @Test func addingAndRemovingSteps() async throws {
        try await TestHarness.run { h in
            let (_, browser) = try await setUp(h)
            try await browser.get("/policies/standard")
            let saved = try await browser.post(
                "/policies/standard", rows(["days_7": "25", "channel_7": "sms", "tone_7": "firm", "remove_6": "on"]))
            #expect(saved.status == .seeOther)
            let record = try #require(try await CollectionPolicyRecord.query(on: h.app.db).first())
            let steps = try record.policy.steps
            #expect(steps.count == 7)
            #expect(!steps.contains { $0.key == "letter_60" })
            #expect(steps.contains { $0.key == "after_25" && $0.channel == .sms && $0.tone == .firm })
        }
    }

    @Test func aBadOffsetComesBackNextToItsFieldAndSavesNothing() async throws {
        try await TestHarness.run { h in
            let (_, browser) = try await setUp(h)
            for (typed, words) in [
                ("abc", "escriba un número entero de días"), ("100000", "hasta 90 días antes o 365 días después"),
                ("99999999999999999999999", "escriba un número entero de días"),
            ] {
                try await browser.get("/policies/standard")
                let refused = try await browser.post(
                    "/policies/standard", rows(["days_2": typed]), referer: "http://localhost/policies/standard")
                #expect(refused.status == .seeOther)
                #expect(refused.location == "/policies/standard")
                let page = try await browser.get("/policies/standard")
                #expect(page.body.contains("flash-error"))
                // The reason is inside step 3's fieldset, next to its days, and what was typed is still there.
                let step = try #require(page.body.range(of: "id=\"step-2\"").map { page.body[$0.lowerBound...] })
                let fieldset = step.prefix(2500)
                #expect(fieldset.contains("value=\"\(typed)\""))
                #expect(fieldset.contains(words))
                #expect(try await CollectionPolicyRecord.query(on: h.app.db).count() == 0)
            }
            // The same refusal on a preview: the page itself, with the reason.
            let preview = try await browser.post("/policies/standard/preview", rows(["days_2": "abc"]))
            #expect(preview.status == .unprocessableEntity)
            #expect(preview.body.contains("escriba un número entero de días"))
            // Two steps on one day: said next to the second one.
            try await browser.get("/policies/standard")
            _ = try await browser.post("/policies/standard", rows(["days_3": "10"]))
            #expect(try await browser.get("/policies/standard").body.contains("dos pasos no pueden caer el mismo día"))
            #expect(try await CollectionPolicyRecord.query(on: h.app.db).count() == 0)
        }
    }

    @Test func aCustomerIsAssignedAPolicy() async throws {
        try await TestHarness.run { h in
            let (customer, browser) = try await setUp(h)
            try await browser.get("/policies")
            let created = try await browser.post("/policies", [("_form", "newpolicy"), ("name", "Mayoristas")])
            #expect(created.status == .seeOther)
            let record = try #require(try await CollectionPolicyRecord.query(on: h.app.db).first())
            #expect(!record.isDefault)
            let id = try record.requireID()
            try await browser.get("/policies/\(id)")
            let assigned = try await browser.post("/policies/\(id)/customers", [("customerId", customer)])
            #expect(assigned.status == .seeOther)
            let follower = try #require(try await Customer.find(UUID(uuidString: customer), on: h.app.db))
            #expect(follower.collectionPolicyID == id)
            #expect(try await browser.get("/policies").body.contains("Mayoristas"))
        }
    }

    @Test func aCollectorReadsButCannotSave() async throws {
        try await TestHarness.run { h in
            let (_, browser) = try await setUp(h, role: .collector)
            #expect(try await browser.get("/policies").status == .ok)
            let page = try await browser.get("/policies/standard")
            #expect(page.status == .ok)
            #expect(!page.body.contains("id=\"policy-form\""))
            let refused = try await browser.post("/policies/standard", rows(["days_2": "13"]))
            #expect(refused.status == .forbidden)
            #expect(try await CollectionPolicyRecord.query(on: h.app.db).count() == 0)
            let template = try await browser.get("/templates/before_due/es/email")
            #expect(template.status == .ok)
            #expect(!template.body.contains("id=\"template-save\""))
            let save = try await browser.post(
                "/templates/before_due/es/email", [("subject", "Hola"), ("body", "Hola {{customer_name}}")])
            #expect(save.status == .forbidden)
            #expect(try await MessageTemplateRecord.query(on: h.app.db).count() == 0)
        }
    }

    @Test func templatesAreListedPreviewedSavedAndReset() async throws {
        try await TestHarness.run { h in
            let (customer, browser) = try await setUp(h)
            let list = try await browser.get("/templates")
            #expect(list.status == .ok)
            #expect(list.body.contains("Antes del vencimiento"))
            #expect(list.body.contains("español"))
            #expect(list.body.contains("inglés"))
            #expect(list.body.contains("correo"))
            #expect(!list.body.contains(">before_due<"))
            let page = try await browser.get("/templates/before_due/es/email")
            #expect(page.status == .ok)
            // The variables with their meaning, from the one list in code.
            for variable in TemplateVariable.allCases {
                #expect(page.body.contains(variable.written))
            }
            #expect(page.body.contains("La razón social del cliente"))
            // A live preview with the real customer's invoice.
            #expect(page.body.contains("FE-3001"))
            let body = "Hola {{customer_name}}: debe {{total_balance}}."
            let preview = try await browser.post(
                "/templates/before_due/es/email/preview",
                [("subject", "Aviso para {{customer_name}}"), ("body", body), ("customerId", customer)])
            #expect(preview.status == .ok)
            #expect(preview.body.contains("Hola Comercializadora Los Andes S.A.S.: debe $ 1.200.000,00."))
            #expect(try await MessageTemplateRecord.query(on: h.app.db).count() == 0)
            // Saved like the API's PUT.
            try await browser.get("/templates/before_due/es/email")
            let saved = try await browser.post(
                "/templates/before_due/es/email",
                [("_form", "template"), ("subject", "Aviso para {{customer_name}}"), ("body", body)])
            #expect(saved.status == .seeOther)
            #expect(try await MessageTemplateRecord.query(on: h.app.db).count() == 1)
            #expect(try await browser.get("/templates").body.contains("Personalizado"))
            let english = try await browser.get("/templates/before_due/en/email")
            #expect(english.body.contains("is due on"))
            #expect(english.body.contains("lang=\"en\""))
            // A variable that does not exist: back next to the body, what was typed kept, nothing changed.
            try await browser.get("/templates/before_due/es/email")
            let refused = try await browser.post(
                "/templates/before_due/es/email",
                [("_form", "template"), ("subject", "Aviso"), ("body", "Hola {{cliente}}")],
                referer: "http://localhost/templates/before_due/es/email/preview")
            #expect(refused.status == .seeOther)
            #expect(refused.location == "/templates/before_due/es/email")
            let back = try await browser.get("/templates/before_due/es/email")
            #expect(back.body.contains("Hola {{cliente}}"))
            #expect(back.body.contains("id=\"body-error\""))
            #expect(back.body.contains("usa un dato que no existe"))
            #expect(try await MessageTemplateRecord.query(on: h.app.db).first()?.body == body)
            // Back to the original, like the API's DELETE.
            let reset = try await browser.post("/templates/before_due/es/email/reset", [])
            #expect(reset.status == .seeOther)
            #expect(try await MessageTemplateRecord.query(on: h.app.db).count() == 0)
            let actions = try await AuditEvent.query(on: h.app.db).all().map(\.action)
            #expect(actions.contains("template.updated") && actions.contains("template.reset"))
            #expect(try await browser.get("/templates/before_due/fr/email").status == .notFound)
            #expect(try await browser.get("/templates/before_due/es/call_task").status == .notFound)
        }
    }

    @Test func theVariablesTableIsTheCatalogsList() {
        #expect(TemplateVariable.names == TemplateCatalog.variables)
    }
}
