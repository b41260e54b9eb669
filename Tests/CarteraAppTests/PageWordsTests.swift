import CarteraCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CarteraApp

/// Every page a person can reach by clicking, in Spanish and in English, speaks words: no step keys,
/// terms codes, locale keys, enum raw values, raw ids, ISO dates or times, and numbers in the page's
/// language. The crawler follows links, so pages added later are checked without editing this test.
@Suite struct PageWordsTests {
    static let password = "contraseña-demo-segura"

    @Test func everyPageInSpanishAndEnglishSpeaksWordsNotCodes() async throws {
        try await TestHarness.run { h in
            let checks = try await loadDemoWithADayOfWork(h)
            var problems: [PageCrawler.Problem] = []
            var visited = 0
            var kinds = Set<String>()
            for email in ["admin@demo.cartera", "gestor@demo.cartera"] {
                for language in ["es", "en"] {
                    let client = WebClient(app: h.app)
                    try await client.signIn(email, Self.password)
                    try await client.get("/")
                    try await client.post("/language", [("lang", language)])
                    var crawler = PageCrawler(client: client, checks: checks)
                    // The admin may open every page of the top bar; the collector starts where they land.
                    try await crawler.crawl(
                        from: ["/"] + (email.hasPrefix("admin") ? Self.layoutLinks : []), language: language)
                    visited += crawler.visited.count
                    kinds.formUnion(crawler.visited.map(PageCrawler.pattern))
                    problems += crawler.problems.map { .init(url: "[\(email) \(language)] \($0.url)", what: $0.what) }
                }
            }
            for language in ["es", "en"] {
                let client = WebClient(app: h.app)
                let portal = try await portalLink(h)
                try await client.get(portal)
                try await client.post(AppURL.language, [("lang", language)])
                var crawler = PageCrawler(client: client, checks: checks)
                try await crawler.crawl(from: [portal], language: language)
                visited += crawler.visited.count
                problems += crawler.problems.map { .init(url: "[portal \(language)] \($0.url)", what: $0.what) }
            }
            #expect(visited > 40, "the crawler reached only \(visited) pages")
            let report = Dictionary(grouping: problems.map(\.description), by: { $0 }).keys.sorted()
            let listed = report.prefix(300).joined(separator: "\n")
            if let path = ProcessInfo.processInfo.environment["CARTERA_PAGE_WORDS_REPORT"] {
                try (listed + "\n\nvisited:\n" + kinds.sorted().joined(separator: "\n"))
                    .write(toFile: path, atomically: true, encoding: .utf8)
            }
            #expect(report.isEmpty, "\(report.count) problems:\n\(listed)")
        }
    }

    @Test func anUnknownAddressAnswersAPageInTheReadersLanguage() async throws {
        try await TestHarness.run { h in
            let client = try await h.signedIn("gestor@empresa.co", role: .collector)
            // As a browser asks: for a page, in Spanish.
            var headers = HTTPHeaders()
            headers.add(name: .accept, value: "text/html,application/xhtml+xml,*/*;q=0.8")
            headers.add(name: .acceptLanguage, value: "es-CO,es;q=0.9")
            for signedIn in [true, false] {
                var asked = headers
                if signedIn, let cookie = client.cookie { asked.add(name: .cookie, value: cookie) }
                // Signed out, the pages behind the sign-in send to it: only addresses nothing answers are asked.
                let paths =
                    signedIn
                    ? ["/no-such-page", "/customers/\(UUID())", "/invoices/not-an-id", "/reports/nothing/here"]
                    : ["/no-such-page", "/reports/nothing/here"]
                for path in paths {
                    let reply = try await h.app.testing().sendRequest(.GET, path, headers: asked)
                    #expect(reply.status == .notFound, "\(path) answered \(reply.status)")
                    #expect(reply.headers.contentType?.subType == "html", "\(path) is not a page")
                    #expect(
                        reply.body.string.contains("<html lang=\"es\""), "\(path): \(reply.body.string.prefix(200))")
                }
            }
        }
    }

    /// The checks catch what issue reports found on pages, and leave invoice numbers, tax ids,
    /// amounts, years and days in words alone.
    @Test func theChecksFlagCodesAndPassWords() {
        var checks = PageWordChecks()
        checks.staffEmails = ["gestor@demo.cartera"]
        let codes = [
            "Plazo net45", "Paso letter_60", "before_10", "2/10 net30", "audit.message.sent", "73.74 %", "DSO 91.3",
            "Llamada de gestor@demo.cartera", "2026-03-15", "a las 08:00:00Z", "2026-03-15T08:00:00", "Idioma es",
            "Mensaje (letter, ready)", "tono final_notice", "user:ana@x.co", "8C0E2B9A-1F3D-4C5B-9A7E-2D4F6B8A0C1E",
            "ui.worklist.score", "Riesgo high",
        ]
        for text in codes {
            #expect(!checks.findings(in: [text], language: "es", allowsStaffEmails: false).isEmpty, "\(text) passed")
        }
        let words = [
            "FE-10382", "NIT 900.123.456-7", "$ 1.500.000,50", "US$ 1.563,99", "73,74 %", "Año 2026",
            "15 mar 2026, 10:00", "30 días fin de mes", "Llamada de Julián Ospina", "Plan de pagos en 3 cuotas",
            "+57 310 555 0101", "Archivo CSV de extracto (camt053, mt940)", "10 días después del vencimiento (correo)",
        ]
        for text in words {
            let found = checks.findings(in: [text], language: "es", allowsStaffEmails: false)
            #expect(found.isEmpty, "\(text): \(found)")
        }
        #expect(checks.findings(in: ["1,500,000.50 · 73.74 %"], language: "en", allowsStaffEmails: false).isEmpty)
        #expect(!checks.findings(in: ["73,74 %"], language: "en", allowsStaffEmails: false).isEmpty)
    }

    /// The audit page names every event: each action the code records has its words in both languages.
    @Test func everyAuditEventHasANameInBothLanguages() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var actions = Set(OutboxStatus.allCases.map { "message.\($0.rawValue)" })
        let sources = root.appendingPathComponent("Sources/CarteraApp")
        for case let path as String in FileManager.default.enumerator(atPath: sources.path) ?? .init()
        where path.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            for match in text.matches(of: #/AuditLog\.record\(\s*"([a-z_]+\.[a-z_.]+)"/#) {
                actions.insert(String(match.1))
            }
            for match in text.matches(of: #/action: "([a-z_]+\.[a-z_.]+)"/#) { actions.insert(String(match.1)) }
        }
        #expect(actions.count > 40, "the scan found too few actions: \(actions.count)")
        for language in ["es", "en"] {
            let table = try ContractDriftTests.locale(language)
            let missing = actions.filter { table["ui.audit.\($0)"] == nil }.sorted()
            #expect(missing.isEmpty, "\(language) has no words for: \(missing)")
        }
    }

    /// The pages of the top bar, as `LayoutLinks` names them.
    static var layoutLinks: [String] {
        Mirror(reflecting: LayoutLinks()).children.compactMap { $0.value as? String }.filter {
            !$0.hasPrefix("/static/") && $0 != AppURL.signOut && $0 != AppURL.language
        }
    }

    /// The demo company after a morning's work: reminders sent over the last days, a call with a
    /// promise, a note, a dispute and a hold by the collector.
    func loadDemoWithADayOfWork(_ h: TestHarness) async throws -> PageWordChecks {
        var context = try await ServiceContext.make(
            db: h.app.db, actor: Actor(organisationID: h.organisationID, name: "cli:demo"), app: h.app)
        context.notifiesCustomers = false
        var loader = DemoLoader(seed: 20_261_125, context: context)
        loader.customerCount = 10
        _ = try await loader.load()
        let organisation = try #require(try await Organisation.find(h.organisationID, on: h.app.db))
        let people = try await DemoUsers.create(
            password: Self.password, organisation: organisation, on: h.app.db, passwordCost: 4)
        for daysAgo in [6, 3, 0] {
            let day = try context.today.adding(days: -daysAgo)
            let reply = try await h.post("/api/v1/reminders/run", ["date": day.iso])
            try #require(reply.status == .ok, "reminder run: \(reply.json)")
        }

        let collector = try people[1].requireID()
        let mine = try await Customer.query(on: h.app.db).filter(\.$assignedUserID == collector).sort(\.$legalName)
            .first()
        let customer = try #require(mine)
        let customerID = try customer.requireID()
        let open = try await Invoice.query(on: h.app.db).filter(\.$customer.$id == customerID)
            .filter(\.$status ~~ [.open, .partiallyPaid]).sort(\.$dueDate).first()
        let invoice = try #require(open)
        let browser = WebClient(app: h.app)
        try await browser.signIn("gestor@demo.cartera", Self.password)
        let page = AppURL.customer(customerID)
        try await browser.get(page)
        let referer = "http://localhost\(page)"
        let promised = try context.today.adding(days: 7).iso
        for (path, fields) in [
            (
                AppURL.customerForm(customerID, .calls),
                [
                    ("contact", ""), ("outcome", "promise"), ("promiseAmount", "100000.00"),
                    ("promisedOn", promised), ("note", "Promete abonar la próxima semana"), ("followUpOn", ""),
                ]
            ),
            (AppURL.customerForm(customerID, .notes), [("note", "Pide copia de la factura por correo")]),
            (AppURL.customerForm(customerID, .hold), [("reason", "Cheque devuelto")]),
            (
                AppURL.path("invoices", try invoice.requireID(), "disputes"),
                [("reason", "Precio distinto"), ("amount", "")]
            ),
        ] {
            let reply = try await browser.post(path, fields, referer: referer)
            #expect(reply.status == .seeOther, "\(path): \(reply.status)")
            try await browser.get(page)
        }

        var checks = PageWordChecks()
        for customer in try await Customer.query(on: h.app.db).all() {
            checks.typedText += [customer.legalName, customer.notes] + customer.tags
            if let reason = customer.creditHoldReason { checks.typedText.append(reason) }
        }
        for contact in try await Contact.query(on: h.app.db).all() {
            checks.typedText += [contact.name] + [contact.email, contact.phone].compactMap { $0 }
        }
        checks.typedText += [
            "Promete abonar la próxima semana", "Pide copia de la factura por correo", "Precio distinto",
        ]
        checks.staffEmails = people.map(\.email)
        let messages = try await OutboxMessage.query(on: h.app.db).all()
        checks.quotedText = messages.flatMap { [$0.subject, $0.bodyText] }
        checks.typedText += messages.map(\.subject)
        return checks
    }

    /// A customer's portal link, as the collector would send it.
    func portalLink(_ h: TestHarness) async throws -> String {
        let customer = try #require(try await Customer.query(on: h.app.db).sort(\.$legalName).first())
        let reply = try await h.post("/api/v1/customers/\(try customer.requireID())/portal-links", [:])
        let url = try #require(reply.json["url"].string, "portal link: \(reply.json)")
        return URLComponents(string: url)?.path ?? url
    }
}
