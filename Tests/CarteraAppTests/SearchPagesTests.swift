import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// The search box: through HTTP, as a person uses it, on SQLite and on PostgreSQL.
@Suite struct SearchPagesTests {
    /// Three customers: one accented, two with the same name told apart by their collectors.
    func setUp(_ h: TestHarness) async throws -> WebClient {
        let lacteos = try await h.createCustomer(
            "Lácteos Nueva Granada S.A.S.", extra: ["tax_id": "900.123.456-8"])
        _ = try await h.createInvoice(customer: lacteos, number: "FE-10382", total: "1500000.00")
        _ = try await h.post(
            "/api/v1/payments",
            ["customer_id": lacteos, "amount": "100.00", "received_on": "2026-03-05", "reference": "TRF-88341"])
        _ = try await h.createCustomer(
            "Panadería La Esperanza Ltda.", extra: ["tax_id": "76.123.403-K", "tax_id_kind": "rut"])
        let first = try await h.createCustomer("Ferretería El Progreso S.A.S.", extra: ["tax_id": "800111222-7"])
        let second = try await h.createCustomer("Ferretería El Progreso S.A.S.", extra: ["tax_id": "811222333-2"])
        _ = try await h.createCustomer("<script>alert(1)</script> Malicia")
        let ana = try await h.createUser("ana@empresa.co", role: .collector)
        let luis = try await h.createUser("luis@empresa.co", role: .collector)
        _ = try await h.post("/api/v1/customers/\(first)/assign", ["user_id": ana.id!.uuidString])
        _ = try await h.post("/api/v1/customers/\(second)/assign", ["user_id": luis.id!.uuidString])
        return try await h.signedIn("gestor@empresa.co", role: .collector)
    }

    @Test func findsNamesIgnoringAccentsCaseAndATypo() async throws {
        try await TestHarness.run { h in
            let browser = try await setUp(h)
            for typed in ["lacteos", "LÁCTEOS", "nueva granada", "lacetos", "lacteoss"] {
                let page = try await browser.get(AppURL.search(q: typed))
                #expect(page.status == .ok)
                #expect(page.body.contains("Lácteos Nueva Granada S.A.S."), "\(typed)")
                #expect(!page.body.contains("Panadería La Esperanza"), "\(typed)")
            }
            let nothing = try await browser.get(AppURL.search(q: "zzxqw"))
            #expect(nothing.body.contains("id=\"search-empty\""))
        }
    }

    @Test func findsTaxIDsWithOrWithoutCheckDigitAndDots() async throws {
        try await TestHarness.run { h in
            let browser = try await setUp(h)
            for typed in ["900123456", "9001234568", "900.123.456-8"] {
                #expect(
                    try await browser.get(AppURL.search(q: typed)).body.contains("Lácteos Nueva Granada"), "\(typed)")
            }
            let rut = try await browser.get(AppURL.search(q: "76123403")).body
            #expect(rut.contains("Panadería La Esperanza"))
            // shown the Colombian way (the organisation's country)
            #expect(try await browser.get(AppURL.search(q: "lacteos")).body.contains("900.123.456-8"))
        }
    }

    @Test func findsInvoicesByNumberAndPaymentsByReference() async throws {
        try await TestHarness.run { h in
            let browser = try await setUp(h)
            for typed in ["FE-10382", "fe10382", "fe-1038"] {
                let page = try await browser.get(AppURL.search(q: typed)).body
                #expect(page.contains("id=\"search-invoices\""), "\(typed)")
                #expect(page.contains(">FE-10382</a>"), "\(typed)")
            }
            let payment = try await browser.get(AppURL.search(q: "trf88341")).body
            #expect(payment.contains("id=\"search-payments\""))
            #expect(payment.contains("TRF-88341"))
        }
    }

    @Test func sameNamesAreToldApartAndResultsAreEscaped() async throws {
        try await TestHarness.run { h in
            let browser = try await setUp(h)
            let page = try await browser.get(AppURL.search(q: "ferreteria progreso")).body
            #expect(page.contains("800.111.222-7") && page.contains("811.222.333-2"))
            #expect(page.contains("Gestor: ana@empresa.co") && page.contains("Gestor: luis@empresa.co"))
            let list = try await browser.get("/customers?q=ferreteria").body
            #expect(list.contains("800.111.222-7") && list.contains("811.222.333-2"))
            let script = try await browser.get(AppURL.search(q: "malicia")).body
            #expect(script.contains("&lt;script&gt;alert(1)&lt;/script&gt; Malicia"))
            #expect(!script.contains("<script>alert(1)"))
        }
    }

    @Test func viewersSearchAndEveryPageHasTheBox() async throws {
        try await TestHarness.run { h in
            _ = try await setUp(h)
            let viewer = try await h.signedIn("lector@empresa.co", role: .viewer)
            #expect(try await viewer.get(AppURL.search(q: "lacteos")).body.contains("Lácteos Nueva Granada"))
            #expect(try await viewer.get("/worklist").body.contains("id=\"top-search\""))
            let anonymous = try await WebClient(app: h.app).get(AppURL.search(q: "lacteos"))
            #expect(anonymous.status != .ok && !anonymous.body.contains("Lácteos"))
        }
    }

    @Test func customerListFiltersSortsAndKeepsTheFiltersInItsLinks() async throws {
        try await TestHarness.run { h in
            let browser = try await setUp(h)
            _ = try await h.createCustomer("Export Buyer LLC", extra: ["currency": "USD", "tags": ["export"]])
            let usd = try await browser.get("/customers?currency=USD").body
            #expect(usd.contains("Export Buyer LLC") && !usd.contains("Lácteos"))
            let tagged = try await browser.get("/customers?tag=export").body
            #expect(tagged.contains("Export Buyer LLC") && !tagged.contains("Lácteos"))
            let unassigned = try await browser.get("/customers?collector=none").body
            #expect(unassigned.contains("Lácteos") && !unassigned.contains("Ferretería El Progreso"))
            let byBalance = try await browser.get("/customers?sort=balance&dir=desc").body
            let first = try #require(byBalance.range(of: "Lácteos Nueva Granada"))
            let other = try #require(byBalance.range(of: "Panadería La Esperanza"))
            #expect(first.lowerBound < other.lowerBound)
            // sorting keeps the filter, paging keeps both
            let filtered = try await browser.get("/customers?currency=COP&sort=name").body
            #expect(filtered.contains("currency=COP&amp;sort=name&amp;dir=desc"))
            let high = try await browser.get("/customers?risk=high")
            #expect(high.status == .ok)
            let calls = try await browser.get("/customers?calls=1").body
            #expect(!calls.contains("Lácteos"))
        }
    }

    @Test func worklistFiltersByTagCurrencyAndCallsDue() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-01-10")
            let wholesale = try await h.createCustomer("Mayorista del Norte S.A.S.", extra: ["tags": ["mayorista"]])
            _ = try await h.createInvoice(customer: wholesale, number: "MN-1", total: "900000.00", issued: "2026-01-10")
            h.travel(to: "2026-04-02")
            let browser = try await setUp(h)
            let all = try await browser.get("/worklist?scope=all").body
            #expect(all.contains("Lácteos Nueva Granada") && all.contains("Mayorista del Norte"))
            let tagged = try await browser.get("/worklist?scope=all&tag=Mayorista").body
            #expect(tagged.contains("Mayorista del Norte") && !tagged.contains("Lácteos Nueva Granada"))
            let usd = try await browser.get("/worklist?scope=all&currency=usd").body
            #expect(!usd.contains("Mayorista del Norte") && !usd.contains("Lácteos Nueva Granada"))
            let calls = try await browser.get("/worklist?scope=all&calls=1").body
            #expect(!calls.contains("Mayorista del Norte") && calls.contains("id=\"worklist-filters\""))
        }
    }
}
