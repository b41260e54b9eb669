import CarteraCore
import Testing
import Vapor

@testable import CarteraApp

/// The reports against a small ledger built day by day through the API. Every expected figure is
/// worked out by hand in the comments of `ReportsFixture`; the report code computes none of them.
@Suite struct ReportsTests {
    @Test func collectionFiguresForFebruaryMatchTheHandComputedLedger() async throws {
        try await TestHarness.run { h in
            _ = try await ReportsFixture.build(h)
            let reply = try await h.get("/api/v1/reports/collection?from=2026-02-01&to=2026-02-28")
            #expect(reply.status == .ok, "\(reply.json)")
            let report = reply.json
            #expect(report["from"].string == "2026-02-01")
            #expect(report["within_days"].int == 14)
            let cop = report["currencies"][0]
            #expect(cop["currency"].string == "COP")
            #expect(cop["beginning_receivables"].string == "3100.00")
            #expect(cop["credit_sales"].string == "1300.00")
            #expect(cop["ending_receivables"].string == "3300.00")
            #expect(cop["ending_current"].string == "1200.00")
            #expect(cop["dso_days"].string == "51.8")
            #expect(cop["dso_history_exhausted"].bool == false)
            #expect(cop["cei_percent"].string == "34.38")
            #expect(cop["best_possible_dso_days"].string == "25.8")
            let usd = report["currencies"][1]
            #expect(usd["currency"].string == "USD")
            #expect(usd["beginning_receivables"].string == "0.00")
            #expect(usd["dso_days"].string == "28.0")
            #expect(usd["cei_percent"].isNull) // 0 collected of 0 collectible
            #expect(usd["best_possible_dso_days"].string == "28.0")
            #expect(report["currencies"].array.count == 2)

            #expect(report["promises"]["kept"].int == 1)
            #expect(report["promises"]["broken"].int == 1)
            #expect(report["promises"]["kept_percent"].string == "50.00")
            #expect(report["disputes"]["open"].int == 2)
            #expect(report["disputes"]["average_age_days"].string == "10.5")

            let steps = report["reminders"].array
            #expect(steps.compactMap { $0["step"].string } == ["before_10", "first_notice", "after_20"])
            #expect(steps.compactMap { $0["sent"].int } == [1, 1, 1])
            #expect(steps.compactMap { $0["paid_within"].int } == [0, 0, 1])
            #expect(steps[2]["paid_within_percent"].string == "100.00")
            #expect(steps[0]["paid_within_percent"].string == "0.00")

            // B-1 was paid 22 days after its first notice went out: it counts from within_days=22, not 21.
            let wider = try await h.get("/api/v1/reports/collection?from=2026-02-01&to=2026-02-28&within_days=21").json[
                "reminders"]
            #expect(wider.array.compactMap { $0["paid_within"].int } == [0, 0, 1])
            let widest = try await h.get("/api/v1/reports/collection?from=2026-02-01&to=2026-02-28&within_days=22")
                .json["reminders"]
            #expect(widest.array.compactMap { $0["paid_within"].int } == [0, 1, 1])
        }
    }

    @Test func agingByCustomerAndByCollectorAsOfAPastDay() async throws {
        try await TestHarness.run { h in
            let fixture = try await ReportsFixture.build(h)
            // As of 02-28: A-2 600 due 02-19 (9 days), A-3 300 left due 03-12 (current);
            // B-1 1500 left due 02-04 (24 days), B-2 900 due 03-17 (current); C-1 USD 300 due 03-03 (current).
            let byCustomer = try await h.get("/api/v1/reports/aging-by-customer?as_of=2026-02-28").json
            #expect(byCustomer["as_of"].string == "2026-02-28")
            // A row per customer and currency, the largest overdue balance first: Beta 1500, Alfa 600, then USD.
            let rows = byCustomer["rows"].array
            #expect(rows.compactMap { $0["name"].string } == ["Beta Ltda.", "Alfa S.A.S.", "Gamma Inc."])
            #expect(rows[1]["id"].string == fixture.alfa)
            #expect(
                rows[1]["currencies"][0]["buckets"].object.mapValues { $0.string } == [
                    "current": "300.00", "days_1_30": "600.00", "days_31_60": "0.00", "days_61_90": "0.00",
                    "over_90": "0.00",
                ])
            #expect(rows[1]["currencies"][0]["total"].string == "900.00")
            #expect(rows[0]["currencies"][0]["buckets"]["current"].string == "900.00")
            #expect(rows[0]["currencies"][0]["buckets"]["days_1_30"].string == "1500.00")
            #expect(rows[2]["currencies"][0]["currency"].string == "USD")
            #expect(rows[2]["currencies"][0]["buckets"]["current"].string == "300.00")
            #expect(byCustomer["total"].int == 3)
            #expect(byCustomer["has_more"].bool == false)
            #expect(byCustomer["totals"].array.compactMap { $0["total"].string } == ["3300.00", "300.00"])

            // Ana collects Alfa and Gamma; Beta is nobody's. Ana has a row per currency.
            let byCollector = try await h.get("/api/v1/reports/aging-by-collector?as_of=2026-02-28").json["rows"].array
            #expect(byCollector.compactMap { $0["name"].string } == ["unassigned", "Ana Cobros", "Ana Cobros"])
            #expect(byCollector[0]["id"].isNull)
            #expect(byCollector[0]["currencies"][0]["total"].string == "2400.00")
            #expect(byCollector[1]["id"].string == fixture.collector)
            #expect(byCollector.compactMap { $0["currencies"][0]["currency"].string } == ["COP", "COP", "USD"])
            #expect(byCollector[1]["currencies"][0]["buckets"]["current"].string == "300.00")
            #expect(byCollector[1]["currencies"][0]["buckets"]["days_1_30"].string == "600.00")
            #expect(byCollector[2]["currencies"][0]["total"].string == "300.00")

            // Today (03-15): B-1 is paid; A-2 is 24 days late, A-3 3 days; C-1 12 days; B-2 not yet due.
            let today = try await h.get("/api/v1/reports/aging-by-customer").json
            #expect(today["as_of"].string == "2026-03-15")
            #expect(today["rows"][0]["currencies"][0]["buckets"]["days_1_30"].string == "900.00")
            #expect(today["rows"][1]["currencies"][0]["total"].string == "900.00")
            #expect(today["rows"][1]["currencies"][0]["buckets"]["current"].string == "900.00")
            #expect(today["rows"][2]["currencies"][0]["buckets"]["days_1_30"].string == "300.00")
        }
    }

    @Test func csvVariantsAndBadParameters() async throws {
        try await TestHarness.run { h in
            let fixture = try await ReportsFixture.build(h)
            let csv = try await h.app.testing().sendRequest(
                .GET, "/api/v1/reports/aging-by-customer.csv?as_of=2026-02-28",
                headers: ["Authorization": "Bearer \(h.apiKey)"])
            #expect(csv.status == .ok)
            #expect(csv.headers.contentType?.subType == "csv")
            let lines = csv.body.string.components(separatedBy: "\r\n")
            #expect(lines[0] == "customer_id,customer,currency,current,days_1_30,days_31_60,days_61_90,over_90,total")
            #expect(lines[1] == "\(fixture.alfa),Alfa S.A.S.,COP,300.00,600.00,0.00,0.00,0.00,900.00")
            #expect(lines[3] == "\(fixture.gamma),Gamma Inc.,USD,300.00,0.00,0.00,0.00,0.00,300.00")

            let collectors = try await h.app.testing().sendRequest(
                .GET, "/api/v1/reports/aging-by-collector.csv?as_of=2026-02-28",
                headers: ["Authorization": "Bearer \(h.apiKey)"]
            ).body.string
            #expect(collectors.contains("\r\n,unassigned,COP,900.00,1500.00,0.00,0.00,0.00,2400.00\r\n"))

            let collection = try await h.app.testing().sendRequest(
                .GET, "/api/v1/reports/collection.csv?from=2026-02-01&to=2026-02-28",
                headers: ["Authorization": "Bearer \(h.apiKey)"]
            ).body.string
            #expect(collection.hasPrefix("metric,scope,value\r\n"))
            for row in [
                "dso_days,COP,51.8", "cei_percent,COP,34.38", "cei_percent,USD,", "promises_kept_percent,,50.00",
                "disputes_average_age_days,,10.5", "reminders_sent,after_20,1", "paid_within,after_20,1",
            ] {
                #expect(collection.contains("\r\n\(row)\r\n"), "missing \(row)")
            }

            #expect(
                try await h.get("/api/v1/reports/collection?from=2026-03-01&to=2026-02-01").json["error"]["field"]
                    .string == "from")
            let badDate = try await h.get("/api/v1/reports/collection?to=2026-02-30")
            #expect(badDate.status == .unprocessableEntity)
            #expect(badDate.json["error"]["field"].string == "to")
            #expect(
                try await h.get("/api/v1/reports/collection?within_days=abc").json["error"]["field"].string
                    == "within_days")
            #expect(
                try await h.get("/api/v1/reports/aging-by-collector?as_of=yesterday").json["error"]["field"].string
                    == "as_of")
        }
    }

    @Test func repliesMatchTheDocumentedSchemas() async throws {
        try await TestHarness.run { h in
            _ = try await ReportsFixture.build(h)
            let schemas = try await h.send(.GET, "/api/v1/openapi.json", key: .some(nil)).json["components"]["schemas"]
            for (path, schema) in [
                ("/api/v1/reports/collection?from=2026-02-01&to=2026-02-28", "CollectionReport"),
                ("/api/v1/reports/aging-by-customer", "AgingBreakdown"),
                ("/api/v1/reports/aging-by-collector", "AgingBreakdown"), ("/api/v1/forecast", "Forecast"),
            ] {
                let reply = try await h.get(path).json
                let problems = SchemaCheck(schemas: schemas).problems(reply, against: schemas[schema], at: schema)
                #expect(problems.isEmpty, "\(schema): \(problems)")
            }
        }
    }

    @Test func reportsPageRendersForAViewerWithItsCSVDownloads() async throws {
        try await TestHarness.run { h in
            _ = try await ReportsFixture.build(h)
            let viewer = try await h.signedIn("lectora@ferreteria.co", role: .viewer)
            let page = try await viewer.get("/reports?from=2026-02-01&to=2026-02-28")
            #expect(page.status == .ok)
            for text in [
                "51,8", "34,38 %", "25,8", "50,00 %", "10,5", "20 días después del vencimiento", "Alfa S.A.S.",
                "Sin asignar", "Ana Cobros",
                "/reports/collection.csv?from=2026-02-01&amp;to=2026-02-28&amp;within_days=14", "href=\"/forecast\"",
            ] {
                #expect(page.body.contains(text), "page lacks \(text)")
            }
            let csv = try await viewer.get("/reports/collection.csv?from=2026-02-01&to=2026-02-28")
            #expect(csv.status == .ok)
            #expect(csv.headers.contentType?.subType == "csv")
            #expect(csv.body.hasPrefix("\u{FEFF}indicador,ambito,valor\r\n"))
            #expect(csv.body.contains("\r\ndso_dias,COP,51.8\r\n"))
            let aging = try await viewer.get("/reports/aging-by-collector.csv?as_of=2026-02-28")
            #expect(aging.body.hasPrefix("\u{FEFF}id_gestor,gestor,moneda,sin_vencer,1_30_dias,"))
            #expect(aging.body.contains(",Sin asignar,COP,900.00,1500.00,0.00,0.00,0.00,2400.00\r\n"))
            #expect(try await viewer.get("/reports?from=2026-03-01&to=2026-02-01").status == .unprocessableEntity)
        }
    }
}
