import CarteraCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// The morning email to the people who work accounts: what today's run sends, once per person and day,
/// from two hours before the run (6:00 for the 8:00 run in Bogotá).
@Suite struct StaffDigestTests {
    /// A customer owing 1.000.000 since 3 March 2026; the run on Friday 13 March lists its reminder.
    func owing(_ h: TestHarness, name: String = "Ferretería El Progreso S.A.S.") async throws -> String {
        h.travel(to: "2026-02-01")
        try await h.send(.PATCH, "/api/v1/organisation", json: ["summary_frequency": "off"])
        let customer = try await h.customerWithContacts(name)
        _ = try await h.createInvoice(customer: customer, number: "FE-7001", total: "1000000.00", issued: "2026-02-01")
        return customer
    }

    /// `hour`:`minute` in Bogotá (UTC−5) on `day`.
    func at(_ h: TestHarness, _ day: String, _ hour: Int, _ minute: Int = 0) throws {
        let utc = String(format: "%@T%02d:%02d:00Z", day, hour + 5, minute)
        h.clock.set(try #require(ISO8601DateFormatter().date(from: utc)))
    }

    /// The digests the file transport wrote, as their raw .eml text.
    func digests(_ h: TestHarness) throws -> [String] {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: h.mailDirectory.path))?.filter {
                $0.hasPrefix("staff-digest-") && $0.hasSuffix(".eml")
            } ?? []
        return try names.sorted().map {
            try String(contentsOf: h.mailDirectory.appendingPathComponent($0), encoding: .utf8)
        }
    }

    func digests(_ h: TestHarness, to email: String) throws -> [String] {
        try digests(h).filter { $0.contains("<\(email)>\r\n") }
    }

    /// The decoded Subject header (RFC 2047 encoded words, folded).
    static func subject(_ eml: String) throws -> String {
        let lines = eml.components(separatedBy: "\r\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("Subject: ") })
        var words = [String(lines[start].dropFirst("Subject: ".count))]
        for line in lines[(start + 1)...] {
            guard line.hasPrefix(" ") else { break }
            words.append(line.trimmingCharacters(in: .whitespaces))
        }
        return try words.map { word in
            guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?=") else { return word }
            let data = try #require(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))))
            return String(decoding: data, as: UTF8.self)
        }.joined()
    }

    func tick(_ h: TestHarness) async throws -> Int { try await BackgroundJobs.sendStaffDigests(app: h.app) }

    @Test("a collector and an admin get one digest a day, however often it ticks; a viewer and a disabled person none")
    func oneADayToThePeopleWhoWorkAccounts() async throws {
        try await TestHarness.run { h in
            _ = try await owing(h)
            try await h.createUser("cobros@empresa.co", role: .collector)
            try await h.createUser("gerencia@empresa.co", role: .admin)
            try await h.createUser("auditoria@empresa.co", role: .viewer)
            let gone = try await h.createUser("antiguo@empresa.co", role: .collector)
            gone.disabledAt = h.clock.now()
            try await gone.save(on: h.app.db)

            try at(h, "2026-03-13", 5, 30)
            #expect(try await tick(h) == 0, "before 6:00 nothing goes")
            var sent = 0
            for (hour, minute) in [(6, 0), (6, 0), (6, 5), (7, 0), (7, 59)] {
                try at(h, "2026-03-13", hour, minute)
                sent += try await tick(h)
            }
            #expect(sent == 2)
            #expect(try digests(h, to: "cobros@empresa.co").count == 1)
            #expect(try digests(h, to: "gerencia@empresa.co").count == 1)
            #expect(try digests(h, to: "auditoria@empresa.co").isEmpty)
            #expect(try digests(h, to: "antiguo@empresa.co").isEmpty)
            #expect(try digests(h).count == 2)
            #expect(try await StaffDigestRecord.query(on: h.app.db).filter(\.$sentAt != nil).count() == 2)
            let audit = try await AuditEvent.query(on: h.app.db).filter(\.$action == "staff_digest.sent").all()
            #expect(audit.count == 1)
            #expect(audit.first?.details.contains("\"count\":\"2\"") == true, "\(audit.first?.details ?? "")")
            // the run itself, then later ticks of the day: nothing more
            try at(h, "2026-03-13", 8, 0)
            _ = try await BackgroundJobs.runReminders(app: h.app, notBeforeHour: 8)
            try at(h, "2026-03-13", 9, 0)
            #expect(try await tick(h) == 0)
            #expect(try digests(h).count == 2)
        }
    }

    @Test(
        "the email lists the customer the outgoing page lists, with its amount as the page writes it, and links to the page"
    )
    func theContentIsTheOutgoingPages() async throws {
        try await TestHarness.run { h in
            _ = try await owing(h, name: "Hierros & Aceros del Norte S.A.S.")
            try at(h, "2026-03-13", 7)
            let web = try await h.signedIn("cobros@empresa.co", role: .collector)
            _ = try await UserService.create(
                .init(
                    email: "finance@empresa.co", name: "Finance", password: "contraseña-segura", role: "admin",
                    language: "en"), organisationID: h.organisationID, passwordCost: 4, on: h.app.db)
            let page = try await web.get("/outgoing")
            #expect(page.body.contains("Hierros &amp; Aceros del Norte S.A.S."), "\(page.body.prefix(2_000))")
            let context = try await ServiceContext.make(
                db: h.app.db, actor: Actor(organisationID: h.organisationID, name: "test"), app: h.app)
            let data = try await OutgoingPageData.read(in: context, schedule: h.app.reminderSchedule)
            let row = try #require(
                try OutgoingPage.Context(data: data, format: context.pageFormat(language: "es"), csrfDate: "").rows
                    .first)

            #expect(try await tick(h) == 2)
            let eml = try #require(try digests(h, to: "cobros@empresa.co").first)
            #expect(try Self.subject(eml) == "Próximos envíos de Cartera: 1 cliente el viernes 13 mar 2026")
            let parts = try EmailLayoutTests.parts(eml)
            let text = try #require(parts["text/plain"])
            let html = try #require(parts["text/html"])
            #expect(text.contains("Hola, cobros@empresa.co:"), "\(text)")
            #expect(text.contains("• Hierros & Aceros del Norte S.A.S."), "\(text)")
            #expect(text.contains("FE-7001 $ 1.000.000,00"), "\(text)")
            #expect(text.contains("\(row.template), por \(row.channel)"), "\(text)")
            #expect(text.contains("Total: \(row.total)"))
            #expect(text.contains("el envío de hoy a las 8:00"))
            #expect(text.contains("a las 6:00, dos horas antes del envío de las 8:00"))
            #expect(text.contains("http://127.0.0.1:8080/outgoing"))
            #expect(text.contains("http://127.0.0.1:8080/account/password"))
            #expect(html.contains("Hierros &amp; Aceros del Norte S.A.S.</a>"))
            #expect(!html.contains("Hierros & Aceros"), "every value escaped")
            #expect(html.contains("href=\"http://127.0.0.1:8080/outgoing\""))
            #expect(html.contains("$ 1.000.000,00"))
            #expect(!text.contains("2026-03-13") && !html.contains("2026-03-13"), "no ISO dates shown to people")
            if let out = ProcessInfo.processInfo.environment["CARTERA_DIGEST_OUT"] {
                try Data(html.utf8).write(to: URL(fileURLWithPath: out + ".html"))
                try Data(text.utf8).write(to: URL(fileURLWithPath: out + ".txt"))
            }

            let english = try #require(try digests(h, to: "finance@empresa.co").first)
            #expect(try Self.subject(english) == "Cartera, what goes out next: 1 customer on Friday Mar 13, 2026")
            let englishText = try #require(try EmailLayoutTests.parts(english)["text/plain"])
            #expect(englishText.contains("Hello Finance,"), "\(englishText)")
            #expect(englishText.contains("FE-7001"), "\(englishText)")
        }
    }

    @Test("the organisation's switch stops all of them; a person's own switch stops theirs")
    func theSwitches() async throws {
        try await TestHarness.run { h in
            _ = try await owing(h)
            try at(h, "2026-03-13", 6, 30)
            let web = try await h.signedIn("cobros@empresa.co", role: .collector)
            try await h.createUser("gerencia@empresa.co", role: .admin)
            let off = try await h.patch("/api/v1/organisation", ["outgoing_digest": false])
            #expect(off.status == .ok, "\(off.json)")
            #expect(try await tick(h) == 0)
            let page = try await web.get("/account/password")
            #expect(page.body.contains("id=\"digest-organisation-off\""), "\(page.body.prefix(3_000))")
            _ = try await h.patch("/api/v1/organisation", ["outgoing_digest": true])

            let account = try await web.get("/account/password")
            #expect(account.body.contains("Recibir cada día el resumen de próximos envíos"))
            #expect(account.body.contains("id=\"outgoing-digest\" checked"))
            let saved = try await web.post("/account/digest", [], referer: "/account/password")
            #expect(saved.status == .seeOther, "\(saved.body.prefix(500))")
            let after = try await web.get("/account/password")
            #expect(!after.body.contains("id=\"outgoing-digest\" checked"))
            #expect(after.body.contains("ya no recibirá el resumen"))
            #expect(
                try await AuditEvent.query(on: h.app.db).filter(\.$action == "user.outgoing_digest_changed").count()
                    == 1)

            #expect(try await tick(h) == 1)
            #expect(try digests(h, to: "cobros@empresa.co").isEmpty)
            #expect(try digests(h, to: "gerencia@empresa.co").count == 1)
        }
    }

    @Test("nothing to send, or no run today: no email")
    func nothingToSendNoEmail() async throws {
        try await TestHarness.run { h in
            try await h.createUser("cobros@empresa.co", role: .collector)
            try at(h, "2026-03-13", 7)
            #expect(try await tick(h) == 0, "no customer owes anything")
            _ = try await owing(h)
            try at(h, "2026-03-14", 7)
            #expect(try await tick(h) == 0, "Saturday: no run")
            #expect(try digests(h).isEmpty)
            #expect(try await StaffDigestRecord.query(on: h.app.db).count() == 0, "nobody claimed for nothing")
        }
    }

    @Test("paused: one line saying until when")
    func paused() async throws {
        try await TestHarness.run { h in
            _ = try await owing(h)
            try await h.createUser("cobros@empresa.co", role: .collector)
            try at(h, "2026-03-13", 7)
            let paused = try await h.patch("/api/v1/organisation", ["paused_until": "2026-03-16"])
            #expect(paused.status == .ok, "\(paused.json)")
            #expect(try await tick(h) == 1)
            let eml = try #require(try digests(h).first)
            #expect(try Self.subject(eml) == "Cartera: los recordatorios están en pausa hasta el lunes 16 mar 2026")
            let text = try #require(try EmailLayoutTests.parts(eml)["text/plain"])
            #expect(text.contains("en pausa hasta el lunes 16 mar 2026"), "\(text)")
            #expect(!text.contains("FE-7001"), "one line, no list")
        }
    }

    @Test("two senders at once send each person's digest once")
    func twoAtOnce() async throws {
        try await TestHarness.run { h in
            _ = try await owing(h)
            for index in 1...4 { try await h.createUser("cobros\(index)@empresa.co", role: .collector) }
            try at(h, "2026-03-13", 7)
            async let first = BackgroundJobs.sendStaffDigests(app: h.app)
            async let second = BackgroundJobs.sendStaffDigests(app: h.app)
            let total = try await first + second
            #expect(total == 4)
            #expect(try digests(h).count == 4)
            for index in 1...4 { #expect(try digests(h, to: "cobros\(index)@empresa.co").count == 1) }
        }
    }

    @Test("of several claims of one person's day at once, exactly one gets through")
    func theClaimIsUnique() async throws {
        try await TestHarness.run { h in
            let person = try await h.createUser("cobros@empresa.co", role: .collector)
            let (userID, day, db, now) = (
                try person.requireID(), try LocalDate(iso: "2026-03-13"), h.app.db, h.clock.now()
            )
            let organisationID = h.organisationID
            let claims = try await withThrowingTaskGroup(of: UUID?.self) { group in
                for _ in 1...6 {
                    group.addTask {
                        try await StaffDigestClaims.claim(
                            organisationID: organisationID, userID: userID, day: day, now: now, on: db)
                    }
                }
                return try await group.reduce(into: [UUID?]()) { $0.append($1) }
            }
            #expect(claims.compactMap { $0 }.count == 1, "\(claims)")
            #expect(try await StaffDigestRecord.query(on: db).count() == 1)
            // the next day is a day of its own
            #expect(
                try await StaffDigestClaims.claim(
                    organisationID: organisationID, userID: userID, day: day.addingClamped(days: 1), now: now, on: db)
                    != nil)
        }
    }

    @Test("a transport that fails gives the day back: the next tick sends it")
    func aFailedSendIsRetried() async throws {
        try await TestHarness.run { h in
            _ = try await owing(h)
            try await h.createUser("cobros@empresa.co", role: .collector)
            let flaky = RecordingTransport(failing: 1)
            h.app.transports = Transports(email: flaky, sms: flaky, fromAddress: "cobranza@ferreteria.test")
            try at(h, "2026-03-13", 6)
            #expect(try await tick(h) == 0)
            #expect(try await tick(h) == 1)
            #expect(try await tick(h) == 0)
            #expect(await flaky.delivered.count == 1)
            #expect(await flaky.delivered.first?.toAddress == "cobros@empresa.co")
        }
    }
}
