import Testing
import Vapor

@testable import CarteraApp

@Suite struct ReminderSettingsAPITests {
    @Test func policiesCanBeCreatedMadeDefaultAndAssignedToACustomer() async throws {
        try await TestHarness.run { h in
            let builtIn = try await h.get("/api/v1/policies").json.array
            #expect(
                builtIn.count == 1 && builtIn[0]["name"].string == "standard" && builtIn[0]["is_default"].bool == true)
            let created = try await h.post(
                "/api/v1/policies",
                [
                    "name": "Clientes grandes", "is_default": false,
                    "steps": [
                        ["key": "pre", "offset_days": -5, "channel": "email", "tone": "friendly"],
                        ["key": "sms_3", "offset_days": 3, "channel": "sms", "tone": "firm"],
                        ["key": "call_15", "offset_days": 15, "channel": "call_task"],
                    ],
                ])
            #expect(created.status == .created)
            let id = try #require(created.json["id"].string)
            #expect(
                created.json["steps"].array.compactMap { $0["template"].string } == [
                    "before_due", "overdue_firm", "overdue",
                ])
            h.travel(to: "2026-02-01")
            let customer = try await h.customerWithContacts()
            #expect(
                try await h.patch("/api/v1/customers/\(customer)", ["collection_policy_id": id]).json[
                    "collection_policy_id"
                ].string == id)
            _ = try await h.createInvoice(
                customer: customer, number: "P-1", total: "10.00", issued: "2026-02-01",
                extra: ["due_date": "2026-03-02"])
            h.travel(to: "2026-03-05") // +3 on Thursday
            let dry = try await h.get("/api/v1/reminders/dry-run").json
            #expect(dry["planned"][0]["channel"].string == "sms")
            // The customer's first overdue message: the policy's first overdue step as a first notice (by SMS).
            #expect(dry["planned"][0]["steps"].array.compactMap(\.string) == ["first_notice"])
            try await h.runReminders()
            let sms = try #require(try await h.messages(customer: customer).first { $0["channel"].string == "sms" })
            #expect(sms["recipient_address"].string == "+57 310 555 0101")
            #expect(try await h.send(.DELETE, "/api/v1/policies/\(id)").status == .conflict, "a policy in use stays")
            let defaulted = try await h.patch("/api/v1/policies/\(id)", ["is_default": true])
            #expect(defaulted.json["is_default"].bool == true)
            #expect(try await h.get("/api/v1/policies").json.array.count == 1, "the built-in one is no longer listed")
        }
    }

    @Test(arguments: [
        ("[]", "steps"),
        (#"[{"key": "a", "offset_days": 1, "channel": "fax"}]"#, "steps[0].channel"),
        (#"[{"key": "a", "offset_days": 999, "channel": "email"}]"#, "steps[0].offset_days"),
        (
            #"[{"key": "a", "offset_days": 1, "channel": "email"}, {"key": "a", "offset_days": 2, "channel": "email"}]"#,
            "steps"
        ),
        (#"[{"key": "a", "channel": "email"}]"#, "steps[0].offset_days"),
        (#"[{"key": "a", "offset_days": 1, "channel": "email", "template": "nope"}]"#, "steps[0].template"),
    ])
    func badPoliciesAreRefusedNamingTheField(stepsJSON: String, field: String) async throws {
        let steps = try JSONSerialization.jsonObject(with: Data(stepsJSON.utf8))
        try await TestHarness.run { h in
            let reply = try await h.post("/api/v1/policies", ["name": "mala", "steps": steps])
            #expect(reply.status == .unprocessableEntity)
            #expect(reply.json["error"]["field"].string == field, "\(reply.json)")
            #expect(try await h.get("/api/v1/policies").json.array.count == 1)
        }
    }

    @Test func templatesAreListedEditedValidatedPreviewedAndReset() async throws {
        try await TestHarness.run { h in
            let all = try await h.get("/api/v1/templates").json.array
            // 9 keys × 2 languages × email, SMS and letter (a letter without its own wording uses the email one)
            #expect(all.count == 54)
            #expect(all.allSatisfy { $0["customized"].bool == false })
            let saved = try await h.send(
                .PUT, "/api/v1/templates/overdue/es/email",
                json: [
                    "subject": "{{customer_name}}: factura {{invoice_number}} pendiente",
                    "body": "Hola {{contact_name}}, debe {{total_balance}}.{{#invoices}} [{{number}}]{{/invoices}}",
                ])
            #expect(saved.status == .ok)
            #expect(saved.json["customized"].bool == true)
            let unknown = try await h.send(
                .PUT, "/api/v1/templates/overdue/es/email", json: ["subject": "x", "body": "Hola {{nombre}}"])
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.json["error"]["code"].string == "unknown_variable")
            #expect(unknown.json["error"]["field"].string == "body")
            let broken = try await h.send(
                .PUT, "/api/v1/templates/overdue/es/email", json: ["subject": "x", "body": "{{#invoices}} sin cerrar"])
            #expect(broken.json["error"]["code"].string == "invalid_template")
            #expect(try await h.send(.PUT, "/api/v1/templates/nope/es/email", json: ["body": "x"]).status == .notFound)

            let customer = try await h.customerWithContacts("Tienda <b>Peligrosa</b> & Cía")
            _ = try await h.createInvoice(customer: customer, number: "X-1", total: "99.50")
            let preview = try await h.post(
                "/api/v1/templates/preview",
                ["key": "overdue", "language": "es", "channel": "email", "customer_id": customer])
            #expect(preview.json["subject"].string == "Tienda <b>Peligrosa</b> & Cía: factura X-1 pendiente")
            #expect(preview.json["text"].string == "Hola María Tesorería, debe $ 99,50. [X-1]")
            #expect(preview.json["html"].string?.contains("Tienda &lt;b&gt;Peligrosa&lt;/b&gt; &amp; Cía") == true)
            #expect(preview.json["html"].string?.contains("<b>Peligrosa") == false, "customer data is escaped in HTML")
            let sample = try await h.post("/api/v1/templates/preview", ["key": "final_notice", "language": "en"])
            #expect(sample.status == .ok, "\(sample.json)")
            #expect(sample.json["subject"].string == "Final notice before collection — Ferretería El Progreso S.A.S.")

            #expect(try await h.send(.DELETE, "/api/v1/templates/overdue/es/email").status == .noContent)
            let reset = try await h.get("/api/v1/templates").json.array.first {
                $0["key"].string == "overdue" && $0["language"].string == "es" && $0["channel"].string == "email"
            }
            #expect(reset?["customized"].bool == false)
        }
    }

    @Test func englishCustomersGetEnglishMessagesWithUSFormatting() async throws {
        try await TestHarness.run { h in
            let customer = try await h.customerWithContacts("Andes Trading LLC", language: "en")
            _ = try await h.createInvoice(customer: customer, number: "EX-1", total: "1234.50", issued: "2026-03-01")
            let message = try #require(try await h.messages(customer: customer).first)
            #expect(message["subject"].string == "New invoice EX-1 from Ferretería Prueba S.A.S.")
            #expect(
                message["body_text"].string?.contains("for $1,234.50, due on Mar 31, 2026") == true,
                "\(message["body_text"])")
        }
    }

    @Test func outboxCanBeListedCancelledAndLettersPrinted() async throws {
        try await TestHarness.run { h in
            let customer = try await h.customerWithContacts()
            _ = try await h.createInvoice(customer: customer, number: "O-1", total: "10.00")
            let list = try await h.get("/api/v1/outbox?status=pending").json
            #expect(list["total"].int == 1)
            let id = try #require(list["items"][0]["id"].string)
            #expect(
                try await h.post("/api/v1/outbox/\(id)/retry", [:]).status == .conflict,
                "only failed messages are retried")
            let cancelled = try await h.post("/api/v1/outbox/\(id)/cancel", [:])
            #expect(cancelled.json["status"].string == "cancelled")
            #expect(
                try await BackgroundJobs.deliverOutbox(app: h.app, workerID: "w").sent == 0,
                "a cancelled message is not sent")
            #expect(try await h.post("/api/v1/outbox/\(id)/cancel", [:]).status == .conflict)
            let letter = try await h.app.testing().sendRequest(
                .GET, "/api/v1/outbox/\(id)/letter", headers: ["Authorization": "Bearer \(h.apiKey)"])
            #expect(letter.headers.contentType?.subType == "html")
            #expect(letter.body.string.contains("@page"))
            #expect(try await h.get("/api/v1/outbox?status=unknown").status == .unprocessableEntity)
        }
    }
}
