import CarteraCore
import Fluent
import Foundation
import Testing

@testable import CarteraApp

/// The rules that choose a customer's policy, through the API and the daily run.
@Suite struct PolicyRulesTests {
    func firmPolicy(_ h: TestHarness) async throws -> String {
        let created = try await h.post(
            "/api/v1/policies",
            [
                "name": "Firme por SMS", "is_default": false,
                "steps": [["key": "sms_35", "offset_days": 35, "channel": "sms", "tone": "firm"]],
            ])
        #expect(created.status == .created)
        return try #require(created.json["id"].string)
    }

    @Test func rulesAreStoredInOrderCheckedAndChooseThePolicy() async throws {
        try await TestHarness.run { h in
            let firm = try await firmPolicy(h)
            #expect(try await h.get("/api/v1/policy-rules").json.array.isEmpty)
            // given: late customers (30+ days) follow the firm policy; big balances too
            let saved = try await h.send(
                .PUT, "/api/v1/policy-rules",
                json: [
                    "rules": [
                        ["policy_id": firm, "minimum_days_overdue": 30],
                        ["policy_id": firm, "minimum_balance": "1000000.00", "risk_at_least": "medium"],
                    ]
                ])
            #expect(saved.status == .ok, "\(saved.json)")
            let rules = try await h.get("/api/v1/policy-rules").json.array
            #expect(rules.map { $0["position"].int } == [1, 2])
            #expect(rules[0]["minimum_days_overdue"].int == 30)
            #expect(rules[1]["risk_levels"].array.compactMap(\.string) == ["medium", "high"])
            #expect(rules[1]["minimum_balance"].string == "1000000.00")
            // refused: an unknown policy, bounds the wrong way round; the stored list stays
            let unknown = try await h.send(
                .PUT, "/api/v1/policy-rules", json: ["rules": [["policy_id": UUID().uuidString]]])
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.json["error"]["field"].string == "rules[0].policy_id")
            let crossed = try await h.send(
                .PUT, "/api/v1/policy-rules",
                json: ["rules": [["policy_id": firm, "minimum_balance": "10.00", "maximum_balance": "5.00"]]])
            #expect(crossed.json["error"]["field"].string == "rules[0].maximum_balance", "\(crossed.json)")
            #expect(try await h.get("/api/v1/policy-rules").json.array.count == 2)
            #expect(
                try await h.send(.DELETE, "/api/v1/policies/\(firm)").status == .conflict, "a rule still chooses it")

            // when a customer's invoice is 40 days late: the firm policy's step (by SMS), as a first notice
            h.travel(to: "2026-02-01")
            let customer = try await h.customerWithContacts()
            _ = try await h.createInvoice(
                customer: customer, number: "R-1", total: "10.00", issued: "2026-02-01",
                extra: ["due_date": "2026-03-02"])
            h.travel(to: "2026-04-13") // Monday, 42 days late
            let dry = try await h.get("/api/v1/reminders/dry-run").json
            #expect(dry["planned"][0]["channel"].string == "sms", "\(dry)")
            // a customer's own policy overrides the rules: back on the standard steps (email)
            let standard = try await h.post(
                "/api/v1/policies",
                [
                    "name": "Correo", "is_default": false,
                    "steps": [["key": "mail_10", "offset_days": 10, "channel": "email", "tone": "friendly"]],
                ])
            let own = try #require(standard.json["id"].string)
            _ = try await h.patch("/api/v1/customers/\(customer)", ["collection_policy_id": own])
            #expect(try await h.get("/api/v1/reminders/dry-run").json["planned"][0]["channel"].string == "email")
            // an empty list removes the rules
            #expect(try await h.send(.PUT, "/api/v1/policy-rules", json: ["rules": []]).status == .ok)
            #expect(try await h.get("/api/v1/policy-rules").json.array.isEmpty)
        }
    }

    @Test func thePoliciesPageAddsMovesAndDeletesRules() async throws {
        try await TestHarness.run { h in
            let firm = try await firmPolicy(h)
            let browser = try await h.signedIn("persona@empresa.co", role: .admin)
            #expect(try await browser.get("/policies").body.contains("Todavía no hay reglas"))
            // an amount typed the Colombian way, and days
            let added = try await browser.post(
                "/policies/rules",
                [
                    ("_form", "policyrule"), ("policyId", firm), ("riskAtLeast", "medium"),
                    ("minimumBalance", "1.500.000"), ("maximumBalance", ""), ("tag", ""),
                    ("minimumDaysOverdue", "30"),
                ])
            #expect(added.status == .seeOther)
            _ = try await browser.post(
                "/policies/rules",
                [("_form", "policyrule"), ("policyId", firm), ("riskAtLeast", ""), ("tag", "Gobierno")])
            var page = try await browser.get("/policies").body
            #expect(page.contains("riesgo medio o alto y saldo desde $ 1.500.000"), "\(page)")
            #expect(page.contains("30 días de mora o más"))
            #expect(page.contains("con la etiqueta «Gobierno»"))
            #expect(try await PolicyRuleRecord.query(on: h.app.db).count() == 2)
            // move the second up: the tag rule is now first
            _ = try await browser.post("/policies/rules/1/up", [])
            var rules = try await h.get("/api/v1/policy-rules").json.array
            #expect(rules.first?["tag"].string == "Gobierno")
            _ = try await browser.post("/policies/rules/0/delete", [])
            rules = try await h.get("/api/v1/policy-rules").json.array
            #expect(rules.count == 1 && rules.first?["minimum_days_overdue"].int == 30)
            #expect(rules.first?["minimum_balance"].string == "1500000.00")
            // a refused rule: the reason next to its field, nothing stored
            let refused = try await browser.post(
                "/policies/rules",
                [("_form", "policyrule"), ("policyId", firm), ("minimumBalance", "10"), ("maximumBalance", "5")],
                referer: "http://localhost/policies")
            #expect(refused.status == .seeOther)
            page = try await browser.get("/policies").body
            #expect(page.contains("field-error"))
            #expect(try await PolicyRuleRecord.query(on: h.app.db).count() == 1)
        }
    }
}
