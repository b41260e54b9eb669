import Testing
import Vapor

@testable import CarteraApp

@Suite struct OrganisationAndContactAPITests {
    @Test func organisationSettingsAndTheirEffectOnToday() async throws {
        try await TestHarness.run(now: ISO8601DateFormatter().date(from: "2026-03-16T03:00:00Z")!) { h in
            // 03:00 UTC on the 16th is still the 15th in Bogotá.
            let org = try await h.get("/api/v1/organisation")
            #expect(org.json["time_zone"].string == "America/Bogota")
            let customer = try await h.createCustomer()
            // an explicit null is the same as leaving the date out: today
            let byBogota = try await h.post(
                "/api/v1/invoices", ["customer_id": customer, "number": "2", "total": "1.00", "issue_date": NSNull()])
            #expect(byBogota.json["issue_date"].string == "2026-03-15")

            let changed = try await h.patch(
                "/api/v1/organisation", ["time_zone": "Europe/Madrid", "locale": "es-ES", "default_currency": "EUR"])
            #expect(changed.json["default_currency"].string == "EUR")
            let byMadrid = try await h.post(
                "/api/v1/invoices", ["customer_id": customer, "number": "3", "total": "1.00"])
            #expect(byMadrid.json["issue_date"].string == "2026-03-16")
            #expect(
                try await h.patch("/api/v1/organisation", ["time_zone": "Mars/Olympus"]).json["error"]["field"].string
                    == "time_zone")
            #expect(
                try await h.patch("/api/v1/organisation", ["locale": "fr-FR"]).json["error"]["field"].string == "locale"
            )
        }
    }

    @Test func contactsAreCreatedListedUpdatedAndDeleted() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            let created = try await h.post(
                "/api/v1/customers/\(customer)/contacts",
                [
                    "name": "María Gómez", "role": "billing", "email": "tesoreria@andes.com.co",
                    "phone": "+57 310 555 1234",
                ])
            #expect(created.status == .created)
            let id = try #require(created.json["id"].string)
            #expect(created.json["customer_id"].string == customer)
            _ = try await h.post(
                "/api/v1/customers/\(customer)/contacts", ["name": "Juan Pérez", "email": "compras@andes.com.co"])
            let list = try await h.get("/api/v1/customers/\(customer)/contacts")
            #expect(list.json.array.compactMap { $0["role"].string }.sorted() == ["billing", "primary"])
            let updated = try await h.patch("/api/v1/contacts/\(id)", ["role": "alternate"])
            #expect(updated.json["role"].string == "alternate")
            #expect(try await h.get("/api/v1/contacts/\(id)").json["email"].string == "tesoreria@andes.com.co")
            #expect(try await h.send(.DELETE, "/api/v1/contacts/\(id)").status == .noContent)
            #expect(try await h.get("/api/v1/contacts/\(id)").status == .notFound)
        }
    }

    @Test(
        arguments: [
            (["name": "X", "email": "not-an-email"], "email", "invalid_email"),
            (["name": "X", "phone": "call me"], "phone", "invalid_phone"),
            (["name": "X"], "email", "missing_field"),
            (["name": "X", "email": "a@b.co", "role": "boss"], "role", "invalid_field"),
            (["email": "a@b.co"], "name", "missing_field"),
        ] as [([String: String], String, String)])
    func rejectsBadContacts(body: [String: String], field: String, code: String) async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            let reply = try await h.post("/api/v1/customers/\(customer)/contacts", body)
            #expect(reply.status == .unprocessableEntity)
            #expect(reply.json["error"]["code"].string == code)
            #expect(reply.json["error"]["field"].string == field)
            #expect(try await h.get("/api/v1/customers/\(customer)/contacts").json.array.isEmpty)
        }
    }
}
