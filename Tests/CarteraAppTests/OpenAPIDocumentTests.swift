import Testing
import Vapor

@testable import CarteraApp

/// Keeps `Resources/openapi.json` true: every route is documented, nothing documented is missing,
/// and real replies have exactly the documented fields.
@Suite struct OpenAPIDocumentTests {
    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() async throws {
        try await TestHarness.run { h in
            let document = try await h.send(.GET, "/api/v1/openapi.json", key: .some(nil))
            #expect(document.status == .ok)
            #expect(document.json["openapi"].string == "3.1.0")
            var documented = Set<String>()
            for (path, operations) in document.json["paths"].object {
                for method in operations.object.keys {
                    documented.insert("\(method.uppercased()) \(normalise("/api/v1" + path))")
                }
            }
            let served = Set(
                h.app.routes.all.filter { $0.path.first?.description == "api" }.map {
                    "\($0.method.rawValue) \(normalise("/" + $0.path.map(\.description).joined(separator: "/")))"
                })
            #expect(served.subtracting(documented).isEmpty, "undocumented: \(served.subtracting(documented).sorted())")
            #expect(
                documented.subtracting(served).isEmpty,
                "documented but not served: \(documented.subtracting(served).sorted())")
        }
    }

    @Test func repliesMatchTheirSchemas() async throws {
        try await TestHarness.run { h in
            let schemas = try await h.send(.GET, "/api/v1/openapi.json", key: .some(nil)).json["components"]["schemas"]
            let customer = try await h.createCustomer(extra: ["credit_limit": "10.00"])
            let invoice = try await h.createInvoice(
                customer: customer, number: "S-1", total: "100.00",
                extra: [
                    "lines": [["description": "x", "unit_price": "100.00"]], "payment_terms": "2/10 net30",
                    "issue_date": "2026-03-10",
                ])
            let payment = try await h.post("/api/v1/payments", ["customer_id": customer, "amount": "30.00"]).json
            let note = try await h.post(
                "/api/v1/credit-notes", ["customer_id": customer, "number": "NC-1", "amount": "5.00", "reason": "x"]
            ).json
            let contact = try await h.post(
                "/api/v1/customers/\(customer)/contacts", ["name": "Ana", "email": "ana@x.co"]
            ).json
            let samples: [(JSON, String)] = [
                (try await h.get("/api/v1/customers/\(customer)").json, "Customer"),
                (try await h.get("/api/v1/customers").json, "CustomerPage"),
                (invoice, "Invoice"),
                (try await h.get("/api/v1/invoices").json, "InvoicePage"),
                (payment, "Payment"),
                (try await h.get("/api/v1/payments").json, "PaymentPage"),
                (note, "CreditNote"),
                (try await h.get("/api/v1/credit-notes").json, "CreditNotePage"),
                (contact, "Contact"),
                (try await h.get("/api/v1/customers/\(customer)/statement").json, "Statement"),
                (try await h.get("/api/v1/aging").json, "Aging"),
                (try await h.get("/api/v1/organisation").json, "Organisation"),
                (try await h.post("/api/v1/customers", [:]).json, "Error"),
            ]
            // the collector's workspace
            h.travel(to: "2026-05-01")
            let call = try await h.post(
                "/api/v1/customers/\(customer)/calls",
                ["outcome": "promise", "promise_amount": "10.00", "promised_on": "2026-05-10"]
            ).json
            let plan = try await h.post(
                "/api/v1/customers/\(customer)/payment-plans",
                ["invoice_ids": [invoice["id"].string!], "instalments": 2, "first_due_on": "2026-05-15"]
            ).json
            let dispute = try await h.post(
                "/api/v1/invoices/\(invoice["id"].string!)/disputes", ["reason": "x", "amount": "1.00"]
            ).json
            let workspace: [(JSON, String)] = [
                (call, "Call"), (plan, "PaymentPlan"), (dispute, "Dispute"),
                (try await h.get("/api/v1/customers/\(customer)/credit-check?amount=1.00").json, "CreditCheck"),
                (try await h.post("/api/v1/customers/\(customer)/credit-hold", ["reason": "x"]).json, "Customer"),
            ]
            let lists: [(JSON, String)] = [
                (try await h.get("/api/v1/worklist").json, "WorklistItem"),
                (try await h.get("/api/v1/customers/\(customer)/timeline").json, "TimelineEntry"),
                (try await h.get("/api/v1/customers/\(customer)/calls").json, "Call"),
                (try await h.get("/api/v1/audit-events").json, "AuditEvent"),
            ]
            for (reply, schema) in workspace {
                let problems = SchemaCheck(schemas: schemas).problems(reply, against: schemas[schema], at: schema)
                #expect(problems.isEmpty, "\(schema): \(problems)")
            }
            for (reply, schema) in lists {
                #expect(!reply.array.isEmpty, "\(schema) list is empty")
                let problems = reply.array.flatMap {
                    SchemaCheck(schemas: schemas).problems($0, against: schemas[schema], at: schema)
                }
                #expect(problems.isEmpty, "\(schema): \(problems)")
            }
            for (reply, schema) in samples {
                let problems = SchemaCheck(schemas: schemas).problems(reply, against: schemas[schema], at: schema)
                #expect(problems.isEmpty, "\(schema): \(problems)")
            }
        }
    }

    private func normalise(_ path: String) -> String {
        path.split(separator: "/").map { $0.hasPrefix(":") || $0.hasPrefix("{") ? "{}" : String($0) }.joined(
            separator: "/")
    }
}

/// Just enough JSON Schema to catch drift: types, required and undocumented properties, $ref, oneOf with null.
struct SchemaCheck {
    let schemas: JSON

    func problems(_ value: JSON, against schema: JSON, at path: String) -> [String] {
        if let ref = schema["$ref"].string {
            return problems(value, against: schemas[String(ref.split(separator: "/").last!)], at: path)
        }
        if !schema["oneOf"].array.isEmpty {
            let options = schema["oneOf"].array.map { problems(value, against: $0, at: path) }
            return options.contains { $0.isEmpty } ? [] : options.flatMap { $0 }
        }
        switch (schema["type"].string, value) {
        case ("object", .object(let fields)):
            let properties = schema["properties"].object
            var found = schema["required"].array.compactMap(\.string).filter { fields[$0] == nil }.map {
                "\(path).\($0) missing"
            }
            found += fields.keys.filter { properties[$0] == nil && !properties.isEmpty }.map {
                "\(path).\($0) undocumented"
            }
            for (key, field) in fields {
                if let property = properties[key] { found += problems(field, against: property, at: "\(path).\(key)") }
            }
            return found
        case ("array", .array(let items)):
            return items.enumerated().flatMap { problems($1, against: schema["items"], at: "\(path)[\($0)]") }
        case ("string", .string), ("boolean", .bool), ("null", .null): return []
        case ("integer", .number(let number)): return number.rounded() == number ? [] : ["\(path) not an integer"]
        case (nil, _): return []
        default: return ["\(path) is \(value), expected \(schema["type"].string ?? "?")"]
        }
    }
}
