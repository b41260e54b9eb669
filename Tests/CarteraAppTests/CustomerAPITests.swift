import Testing
import Vapor

@testable import CarteraApp

@Suite struct CustomerAPITests {
    @Test func createsReadsUpdatesAndListsCustomers() async throws {
        try await TestHarness.run { h in
            // given
            let created = try await h.post(
                "/api/v1/customers",
                [
                    "legal_name": "Ferretería El Progreso S.A.S.", "tax_id": "900555111-6",
                    "payment_terms": "2/10 net 30",
                    "credit_limit": "15000000.00", "tags": ["Mayorista", "bogota"], "language": "es",
                ])
            #expect(created.status == .created)
            let id = try #require(created.json["id"].string)
            #expect(created.json["payment_terms"].string == "2/10 net30")
            #expect(created.json["currency"].string == "COP")
            #expect(created.json["credit_limit"].string == "15000000.00")
            #expect(created.json["tags"].array.compactMap(\.string) == ["bogota", "mayorista"])

            // when
            let updated = try await h.patch(
                "/api/v1/customers/\(id)", ["payment_terms": "net60", "notes": "Paga los viernes"])

            // then
            #expect(updated.status == .ok)
            #expect(updated.json["payment_terms"].string == "net60")
            #expect(try await h.get("/api/v1/customers/\(id)").json["notes"].string == "Paga los viernes")
            _ = try await h.createCustomer("Textiles La Sabana Ltda.")
            let list = try await h.get("/api/v1/customers?per_page=1&page=2")
            #expect(list.json["total"].int == 2)
            #expect(list.json["items"].array.count == 1)
            #expect(list.json["items"][0]["legal_name"].string == "Textiles La Sabana Ltda.")
            let tagged = try await h.get("/api/v1/customers?tag=mayorista")
            #expect(tagged.json["items"].array.map { $0["id"].string } == [id])
            let searched = try await h.get("/api/v1/customers?q=Sabana")
            #expect(searched.json["total"].int == 1)
        }
    }

    @Test(
        arguments: [
            (["tax_id": "1"], "legal_name", "missing_field"),
            (["legal_name": "  "], "legal_name", "invalid_field"),
            (["legal_name": "X", "payment_terms": "net thirty"], "payment_terms", "invalid_terms"),
            (["legal_name": "X", "currency": "XXX"], "currency", "unknown_currency"),
            (["legal_name": "X", "credit_limit": "-5.00"], "credit_limit", "negative_amount"),
            (["legal_name": "X", "credit_limit": "5.001"], "credit_limit", "too_many_decimals"),
            (["legal_name": "X", "language": "fr"], "language", "invalid_field"),
        ] as [([String: String], String, String)])
    func rejectsBadCustomerInput(body: [String: String], field: String, code: String) async throws {
        try await TestHarness.run { h in
            let reply = try await h.post("/api/v1/customers", body)
            #expect(reply.status == .unprocessableEntity)
            #expect(reply.json["error"]["code"].string == code)
            #expect(reply.json["error"]["field"].string == field)
            #expect(reply.json["error"]["message"].string?.isEmpty == false)
            #expect(try await h.get("/api/v1/customers").json["total"].int == 0, "bad input must change nothing")
        }
    }

    @Test func creditLimitMustBeANumberString() async throws {
        try await TestHarness.run { h in
            let reply = try await h.post("/api/v1/customers", ["legal_name": "X", "credit_limit": 100.5])
            #expect(reply.status == .unprocessableEntity)
            #expect(reply.json["error"]["code"].string == "invalid_type")
            #expect(reply.json["error"]["field"].string == "credit_limit")
        }
    }

    @Test func unknownCustomerIs404AndMalformedBodyIs400() async throws {
        try await TestHarness.run { h in
            let missing = try await h.get("/api/v1/customers/\(UUID())")
            #expect(missing.status == .notFound)
            #expect(missing.json["error"]["code"].string == "customer_not_found")
            #expect(try await h.get("/api/v1/customers/not-a-uuid").status == .notFound)
            let broken = try await h.send(.POST, "/api/v1/customers", rawBody: "{\"legal_name\": ")
            #expect(broken.status == .badRequest)
            #expect(broken.json["error"]["code"].string == "invalid_json")
            let paging = try await h.get("/api/v1/customers?per_page=1000")
            #expect(paging.status == .unprocessableEntity)
            #expect(paging.json["error"]["field"].string == "per_page")
        }
    }

    @Test func errorsAreInSpanishWhenAskedFor() async throws {
        try await TestHarness.run { h in
            let reply = try await h.send(
                .POST, "/api/v1/customers", json: ["tax_id": "1"], headers: ["Accept-Language": "es-CO,es;q=0.9"])
            #expect(reply.json["error"]["message"].string == "legal_name es obligatorio")
        }
    }
}
