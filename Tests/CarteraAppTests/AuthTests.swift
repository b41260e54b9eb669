import Fluent
import Testing
import Vapor

@testable import CarteraApp

@Suite struct AuthTests {
    @Test func apiNeedsAValidKey() async throws {
        try await TestHarness.run { h in
            let none = try await h.send(.GET, "/api/v1/customers", key: .some(nil))
            #expect(none.status == .unauthorized)
            #expect(none.json["error"]["code"].string == "unauthorized")
            #expect(try await h.send(.GET, "/api/v1/customers", key: "ck_wrong").status == .unauthorized)
            let viaHeader = try await h.send(
                .GET, "/api/v1/customers", key: .some(nil), headers: ["X-API-Key": h.apiKey])
            #expect(viaHeader.status == .ok)
        }
    }

    @Test func revokedKeysAndStoredHashes() async throws {
        try await TestHarness.run { h in
            let key = try #require(try await APIKey.query(on: h.app.db).first())
            #expect(
                key.secretHash != h.apiKey && !key.secretHash.contains(h.apiKey), "the secret itself is never stored")
            #expect(key.secretHash.count == 64)
            key.revokedAt = Date()
            try await key.save(on: h.app.db)
            #expect(try await h.get("/api/v1/customers").status == .unauthorized)
        }
    }

    @Test func keysOfAnotherOrganisationSeeNothingOfThisOne() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            let other = Organisation(
                name: "Otra", defaultCurrency: "CLP", locale: "es-CL", timeZone: "America/Santiago")
            try await other.create(on: h.app.db)
            let otherKey = try await APIKeys.create(name: "other", organisationID: try other.requireID(), on: h.app.db)
                .secret
            #expect(try await h.send(.GET, "/api/v1/customers/\(customer)", key: otherKey).status == .notFound)
            #expect(try await h.send(.GET, "/api/v1/customers", key: otherKey).json["total"].int == 0)
            let invoice = try await h.send(
                .POST, "/api/v1/invoices", json: ["customer_id": customer, "number": "1", "total": "5"], key: otherKey)
            #expect(invoice.json["error"]["code"].string == "unknown_customer")
        }
    }
}
