import CarteraCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// What a customer may do through a portal link: promises within the
/// organisation's horizon, for named invoices and at least a minimum share of them, one active
/// portal promise at a time, rate limits per link, disputes only on owed invoices, and every
/// refusal shown on the portal page itself, in the customer's words, with what they typed.
@Suite struct PortalLimitsTests {
    /// Today is 2026-03-15 in Bogotá (the harness's clock): the default horizon of 45 days ends 2026-04-29.
    struct Fixture {
        let customer: String
        let invoices: [String]
        let path: String
        let browser: WebClient
    }

    func fixture(_ h: TestHarness, totals: [String] = ["500000.00", "300000.00", "200000.00"]) async throws -> Fixture {
        let customer = try await h.createCustomer("Distribuciones La Sabana S.A.S.")
        let series = try await Customer.query(on: h.app.db).count()
        var invoices: [String] = []
        for (index, total) in totals.enumerated() {
            invoices.append(
                try #require(
                    try await h.createInvoice(customer: customer, number: "FV-\(series)\(100 + index)", total: total)[
                        "id"
                    ].string))
        }
        let reply = try await h.post("/api/v1/customers/\(customer)/portal-links", [:])
        let url = try #require(reply.json["url"].string)
        let path = String(url.dropFirst("http://127.0.0.1:8080".count))
        let browser = WebClient(app: h.app)
        try #require(try await browser.get(path).status == .ok)
        return Fixture(customer: customer, invoices: invoices, path: path, browser: browser)
    }

    func promise(_ f: Fixture, amount: String, on date: String, invoices: [String]) async throws -> WebClient.Reply {
        try await f.browser.post(
            "\(f.path)/promise", [("amount", amount), ("promisedOn", date)] + invoices.map { ("invoiceIds", $0) })
    }

    func promisesStored(_ h: TestHarness) async throws -> Int { try await PaymentPromise.query(on: h.app.db).count() }

    @Test func portalPromiseDue99991231Answers422() async throws {
        try await TestHarness.run { h in
            let f = try await fixture(h)
            let reply = try await promise(f, amount: "0.01", on: "9999-12-31", invoices: f.invoices)
            #expect(reply.status == .unprocessableEntity)
            #expect(reply.body.contains("id=\"promise-date-error\""))
            #expect(reply.body.contains("Puede comprometerse a pagar hasta el 29 abr 2026"), "\(reply.body)")
            #expect(try await promisesStored(h) == 0)
            #expect(try await DunningHold.query(on: h.app.db).count() == 0)
        }
    }

    @Test func aPromiseBeyondTheOrganisationsHorizonIsRefused() async throws {
        try await TestHarness.run { h in
            let f = try await fixture(h)
            #expect(
                try await promise(f, amount: "500000", on: "2026-04-30", invoices: [f.invoices[0]]).status
                    == .unprocessableEntity)
            #expect(try await promisesStored(h) == 0)
            #expect(
                try await promise(f, amount: "500000", on: "2026-04-29", invoices: [f.invoices[0]]).status == .seeOther)
            #expect(try await promisesStored(h) == 1)
            // a shorter horizon set by the organisation holds at once
            #expect(try await h.patch("/api/v1/organisation", ["portal_promise_max_days": 10]).status == .ok)
            let other = try await fixture(h)
            let refused = try await promise(other, amount: "500000", on: "2026-03-26", invoices: [other.invoices[0]])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("hasta el 25 mar 2026 (10 días desde hoy)"))
            #expect(
                try await promise(other, amount: "500000", on: "2026-03-14", invoices: [other.invoices[0]]).body
                    .contains("anterior a hoy"))
        }
    }

    @Test func aPromiseBelowTheMinimumShareOrAboveWhatIsOwedIsRefused() async throws {
        try await TestHarness.run { h in
            let f = try await fixture(h)
            // 10 % of 500.000,00 + 300.000,00 is 80.000,00
            let below = try await promise(
                f, amount: "79.999,99", on: "2026-04-01", invoices: [f.invoices[0], f.invoices[1]])
            #expect(below.status == .unprocessableEntity)
            #expect(below.body.contains("al menos $ 80.000,00 (el 10 %"), "\(below.body)")
            let above = try await promise(
                f, amount: "800.000,01", on: "2026-04-01", invoices: [f.invoices[0], f.invoices[1]])
            #expect(above.status == .unprocessableEntity)
            #expect(above.body.contains("supera lo que deben las facturas elegidas ($ 800.000,00)"))
            let none = try await promise(f, amount: "80.000", on: "2026-04-01", invoices: [])
            #expect(none.status == .unprocessableEntity && none.body.contains("id=\"promise-invoices-error\""))
            #expect(try await promisesStored(h) == 0)
            #expect(
                try await promise(f, amount: "80.000", on: "2026-04-01", invoices: [f.invoices[0], f.invoices[1]])
                    .status == .seeOther)
            // the share is the organisation's
            #expect(try await h.patch("/api/v1/organisation", ["portal_promise_minimum_share": "50"]).status == .ok)
            let other = try await fixture(h)
            #expect(
                try await promise(other, amount: "249.999", on: "2026-04-01", invoices: [other.invoices[0]]).body
                    .contains("al menos $ 250.000,00 (el 50 %"))
        }
    }

    @Test func onlyTheInvoicesThePromiseNamesArePaused() async throws {
        try await TestHarness.run { h in
            let f = try await fixture(h)
            #expect(
                try await promise(f, amount: "$ 250.000", on: "2026-04-10", invoices: [f.invoices[1]]).status
                    == .seeOther)
            let holds = try await DunningHold.query(on: h.app.db).filter(\.$reason == .promise).all()
            #expect(holds.map { $0.$invoice.id.uuidString.lowercased() } == [f.invoices[1].lowercased()])
            let stored = try #require(try await PaymentPromise.query(on: h.app.db).first())
            #expect(stored.amountMinor == 25_000_000 && stored.promisedOn == "2026-04-10")
            // the collector's task says it in words and names the amount
            let tasks = try await h.get("/api/v1/tasks").json.array.compactMap { $0["title"].string }
            #expect(
                tasks.contains("Distribuciones La Sabana S.A.S. prometió pagar $ 250.000,00 el 10 abr 2026 (portal)"),
                "\(tasks)")
        }
    }

    @Test func aSecondActivePortalPromiseIsRefused() async throws {
        try await TestHarness.run { h in
            let f = try await fixture(h)
            #expect(
                try await promise(f, amount: "100000", on: "2026-04-01", invoices: [f.invoices[0]]).status == .seeOther)
            try await f.browser.get(f.path)
            let second = try await promise(f, amount: "300000", on: "2026-04-02", invoices: [f.invoices[1]])
            #expect(second.status == .conflict)
            #expect(second.body.contains("id=\"promise-error\""))
            #expect(
                second.body.contains("Ya tiene un compromiso de pago vigente por $ 100.000,00 para el 1 abr 2026"),
                "\(second.body)")
            #expect(try await promisesStored(h) == 1)
            // a promise the collector recorded by phone does not count as the portal's
            let other = try await fixture(h)
            _ = try await h.post(
                "/api/v1/customers/\(other.customer)/promises", ["amount": "10.00", "promised_on": "2026-04-01"])
            #expect(
                try await promise(other, amount: "100000", on: "2026-04-01", invoices: [other.invoices[0]]).status
                    == .seeOther)
        }
    }

    @Test func theRateLimitsKickIn() async throws {
        try await TestHarness.run { h in
            let f = try await fixture(h)
            // ten posts an hour through one link, refused ones included
            for _ in 0..<PortalLimits.submissionsPerLinkPerHour {
                #expect(
                    try await f.browser.post("\(f.path)/plan-request", [("instalments", "99")]).status
                        == .unprocessableEntity)
            }
            let limited = try await f.browser.post("\(f.path)/plan-request", [("instalments", "4")])
            #expect(limited.status == .tooManyRequests)
            #expect(
                limited.body.contains("id=\"plan-error\"")
                    && limited.body.contains("demasiados envíos desde este enlace"))
            #expect(try await Interaction.query(on: h.app.db).count() == 0)
            // an hour later the link works again, and three plan requests or disputes a day go through
            h.clock.set(h.clock.now().addingTimeInterval(3_601))
            // (a browser follows each redirect to the page, and its form, again)
            #expect(try await f.browser.post("\(f.path)/plan-request", [("instalments", "4")]).status == .seeOther)
            try await f.browser.get(f.path)
            #expect(
                try await f.browser.post(
                    "\(f.path)/dispute", [("invoiceId", f.invoices[0]), ("reason", "Llegó incompleto")]
                ).status == .seeOther)
            try await f.browser.get(f.path)
            #expect(try await f.browser.post("\(f.path)/plan-request", [("instalments", "6")]).status == .seeOther)
            try await f.browser.get(f.path)
            let fourth = try await f.browser.post(
                "\(f.path)/dispute", [("invoiceId", f.invoices[1]), ("reason", "Precio distinto")])
            #expect(fourth.status == .tooManyRequests)
            #expect(fourth.body.contains("Hoy ya recibimos 3 reclamos o solicitudes"))
            #expect(fourth.body.contains("Precio distinto"))
            #expect(try await Dispute.query(on: h.app.db).count() == 1)
            // counted in the database: another instance's requests count the same
            let stored = try await PortalSubmission.query(on: h.app.db).count()
            #expect(stored == PortalLimits.submissionsPerLinkPerHour + 4)
            h.clock.advance(days: 1)
            #expect(
                try await f.browser.post(
                    "\(f.path)/dispute", [("invoiceId", f.invoices[1]), ("reason", "Precio distinto")]
                ).status == .seeOther)
        }
    }

    @Test func postsRacingThroughOneLinkStillStopAtTheLimit() async throws {
        try await TestHarness.run { h in
            let f = try await fixture(h)
            let (cookie, token) = (f.browser.cookie, f.browser.csrfToken)
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<(PortalLimits.submissionsPerLinkPerHour + 6) {
                    group.addTask {
                        try await WebClient(app: h.app, cookie: cookie).post(
                            "\(f.path)/plan-request", [("instalments", "1")], csrf: .some(token)
                        ).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(
                statuses.filter { $0 == .unprocessableEntity }.count == PortalLimits.submissionsPerLinkPerHour,
                "\(statuses)")
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 6, "\(statuses)")
            #expect(try await PortalSubmission.query(on: h.app.db).count() == PortalLimits.submissionsPerLinkPerHour)
        }
    }

    @Test func aDisputeOnAPaidInvoiceIsRefused() async throws {
        try await TestHarness.run { h in
            let f = try await fixture(h, totals: ["100000.00", "200000.00"])
            let payment = try await h.post("/api/v1/payments", ["customer_id": f.customer, "amount": "100000.00"])
            #expect(payment.status == .created, "\(payment.json)")
            let page = try await f.browser.get(f.path)
            #expect(!page.body.lowercased().contains("<option value=\"\(f.invoices[0].lowercased())\""))
            #expect(page.body.lowercased().contains("<option value=\"\(f.invoices[1].lowercased())\""))
            let refused = try await f.browser.post(
                "\(f.path)/dispute", [("invoiceId", f.invoices[0]), ("reason", "No la reconozco")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("Solo puede reclamar una factura con saldo pendiente"))
            #expect(refused.body.contains("No la reconozco"))
            #expect(try await Dispute.query(on: h.app.db).count() == 0)
            // nor a voided one, nor another customer's
            let other = try await h.createCustomer("Otra Empresa S.A.S.")
            let foreign = try #require(
                try await h.createInvoice(customer: other, number: "OT-1", total: "5000.00")["id"].string)
            try await f.browser.get(f.path)
            #expect(
                try await f.browser.post("\(f.path)/dispute", [("invoiceId", foreign), ("reason", "x")]).status
                    == .unprocessableEntity)
            #expect(
                try await f.browser.post("\(f.path)/dispute", [("invoiceId", "not-an-id"), ("reason", "x")]).status
                    == .unprocessableEntity)
            #expect(try await Dispute.query(on: h.app.db).count() == 0)
        }
    }

    @Test func errorsRenderOnThePortalPageWithTheMessageAndWhatWasTyped() async throws {
        try await TestHarness.run { h in
            let f = try await fixture(h)
            let reply = try await f.browser.post(
                "\(f.path)/promise",
                [
                    ("amount", "1.500.000,50"), ("promisedOn", "2026-12-31"),
                    ("note", "Pagamos <b>pronto</b>"), ("invoiceIds", f.invoices[2]),
                ])
            #expect(reply.status == .unprocessableEntity)
            #expect(reply.location == nil)
            #expect(reply.headers.contentType?.subType == "html")
            #expect(!reply.body.hasPrefix("{"))
            #expect(
                reply.body.contains("id=\"portal-customer\"") && reply.body.contains("Distribuciones La Sabana S.A.S."))
            #expect(reply.body.contains("value=\"1.500.000,50\""))
            #expect(reply.body.contains("value=\"2026-12-31\""))
            #expect(reply.body.contains("Pagamos &lt;b&gt;pronto&lt;/b&gt;"))
            #expect(reply.body.lowercased().contains("value=\"\(f.invoices[2].lowercased())\" checked"))
            #expect(
                reply.body.contains(
                    "<p class=\"field-error\" id=\"promise-date-error\">Puede comprometerse a pagar hasta el 29 abr 2026"
                ))
            #expect(!reply.body.contains("promised_on") && !reply.body.contains("/login"))
            // in English for an English-speaking customer
            try await f.browser.post("/language", [("lang", "en")])
            try await f.browser.get(f.path)
            let english = try await promise(f, amount: "abc", on: "2026-04-01", invoices: [f.invoices[0]])
            #expect(english.status == .unprocessableEntity)
            #expect(english.body.contains("Type an amount, for example 1,500,000.50."), "\(english.body)")
            // a form posted through a revoked link is the same 404 page, never the sign-in page
            _ = try await h.post("/api/v1/customers/\(f.customer)/portal-links/revoke", [:])
            let dead = try await promise(f, amount: "100000", on: "2026-04-01", invoices: [f.invoices[0]])
            #expect(dead.status == .notFound && dead.location == nil)
            #expect(try await promisesStored(h) == 0)
        }
    }

    @Test func amountsAreReadInTheCustomersConventions() throws {
        let cop = try Currency(code: "COP")
        let clp = try Currency(code: "CLP")
        func read(_ text: String, _ currency: Currency, _ decimal: Character = ",") -> Int64? {
            try? PortalAmount.parse(text, currency: currency, decimal: decimal).minorUnits
        }
        #expect(read("1.500.000,50", cop) == 150_000_050)
        #expect(read("$ 1.500.000", cop) == 150_000_000)
        #expect(read("1,500,000.50", cop, ".") == 150_000_050)
        #expect(read("1,500,000.50", cop) == 150_000_050)
        #expect(read("500000.00", cop) == 50_000_000)
        #expect(read("500000", cop) == 50_000_000)
        #expect(read("1.500", cop) == 150_000)
        #expect(read("1,5", cop) == 150)
        #expect(read("COP 2.000", cop) == 200_000)
        #expect(read("\u{00A0}$\u{00A0}1.500.000 ", cop) == 150_000_000)
        #expect(read("1.500", clp) == 1_500)
        #expect(read("10.000.000.000.000,00", cop) == 1_000_000_000_000_000)
        for refused in [
            "10.000.000.000.000,01", "99999999999999999999", "-5", "1.50.000", "1,500.000,00", "1.5.0", "", "$", "1e5",
            "0x10", "1.500,555",
        ] {
            #expect(read(refused, cop) == nil, "\(refused)")
        }
        #expect(throws: PortalAmount.Failure.tooManyDecimals) {
            try PortalAmount.parse("1,50", currency: clp, decimal: ",")
        }
    }

    @Test func thePortalSettingsAreTheOrganisationsThroughTheAPI() async throws {
        try await TestHarness.run { h in
            let initial = try await h.get("/api/v1/organisation").json
            #expect(initial["portal_promise_max_days"].int == 45)
            #expect(initial["portal_promise_minimum_share"].string == "10")
            let changed = try await h.patch(
                "/api/v1/organisation", ["portal_promise_max_days": 30, "portal_promise_minimum_share": "12.5"])
            #expect(changed.status == .ok)
            #expect(changed.json["portal_promise_max_days"].int == 30)
            #expect(changed.json["portal_promise_minimum_share"].string == "12.50")
            for (field, value) in [
                ("portal_promise_max_days", 0 as Any), ("portal_promise_max_days", 366),
                ("portal_promise_minimum_share", "100.01"),
                ("portal_promise_minimum_share", "-1"), ("portal_promise_minimum_share", "diez"),
            ] {
                let refused = try await h.patch("/api/v1/organisation", [field: value])
                #expect(refused.status == .unprocessableEntity, "\(field)=\(value)")
                #expect(refused.json["error"]["field"].string == field)
            }
            #expect(try await h.get("/api/v1/organisation").json["portal_promise_max_days"].int == 30)
            // viewers read the settings, only admins change them
            let viewer = try await h.apiKey(role: .viewer)
            #expect(
                try await h.send(.GET, "/api/v1/organisation", key: viewer).json["portal_promise_minimum_share"].string
                    == "12.50")
            #expect(
                try await h.send(.PATCH, "/api/v1/organisation", json: ["portal_promise_max_days": 60], key: viewer)
                    .status == .forbidden)
        }
    }
}
