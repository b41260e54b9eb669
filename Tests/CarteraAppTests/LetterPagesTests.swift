import CarteraCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// Letters to post, through HTTP as a signed-in person uses them: each dated the day it was queued, addressed
/// to the customer's postal address (or saying it is missing), under the organisation's letterhead and
/// signed; printed all at once; marked posted (audited, its task closed). Everyone signed in reads and
/// prints them; collectors mark them posted.
@Suite struct LetterPagesTests {
    /// Two letters queued on 1 Apr 2026, as the daily run queues them (a message `ready` on the letter
    /// channel and a letter task for the day): one to a customer with a postal address, one without.
    func setUp(_ h: TestHarness) async throws -> (addressed: UUID, unaddressed: UUID, customers: [String]) {
        h.travel(to: "2026-02-02")
        let first = try await h.customerWithContacts()
        _ = try await h.patch(
            "/api/v1/customers/\(first)",
            [
                "address_line": "Carrera 7 # 71-21, oficina 1203", "city": "Bogotá", "region": "Bogotá, D.C.",
                "postal_code": "110231", "country": "Colombia",
            ])
        let second = try await h.customerWithContacts("Droguería La Esperanza S.A.S.")
        for (customer, number) in [(first, "FE-4001"), (second, "FE-4002")] {
            _ = try await h.createInvoice(customer: customer, number: number, total: "1250000.00", issued: "2026-02-02")
        }
        h.travel(to: "2026-04-01")
        let context = try await ServiceContext.make(
            db: h.app.db, actor: Actor(organisationID: h.organisationID, name: "test"), app: h.app)
        var ids: [UUID] = []
        for customerID in [first, second] {
            let customer = try #require(try await Customer.find(UUID(uuidString: customerID), on: h.app.db))
            let invoices = try await Invoice.query(on: h.app.db).filter(\.$customer.$id == customer.requireID()).all()
            let letter = try #require(
                try await OutboxWriter.queue(
                    .init(
                        customer: customer, contact: nil, kind: .overdue, channel: .letter, tone: .firm,
                        templateKey: TemplateKey.overdueFirm.rawValue, dedupeKey: "test-letter:\(customerID)",
                        invoices: invoices), in: context))
            letter.createdAt = h.clock.now()
            try await letter.save(on: h.app.db)
            try await TaskService.create(
                .letter, for: customer, titleKey: "task.letter.title", due: context.today, in: context)
            ids.append(try letter.requireID())
        }
        return (ids[0], ids[1], [first, second])
    }

    func setLetterhead(_ h: TestHarness) async throws {
        let reply = try await h.patch(
            "/api/v1/organisation",
            [
                "name": "Ferretería Central S.A.S.",
                "letterhead": [
                    "tax_id": "900123456-7", "address_line": "Calle 26 # 68C-61", "city": "Bogotá",
                    "postal_code": "111071", "phone": "601 555 0100", "email": "cartera@central.com.co",
                    "signer_name": "Laura Restrepo", "signer_title": "Directora de cartera",
                ],
            ])
        try #require(reply.status == .ok, "\(reply.json)")
        #expect(reply.json["letterhead"]["signer_title"].string == "Directora de cartera")
    }

    @Test func theQueueDatesEachLetterAndSaysWhichHaveNoPostalAddress() async throws {
        try await TestHarness.run { h in
            let (addressed, unaddressed, customers) = try await setUp(h)
            // A viewer reads the queue and the letters, and has nothing to mark.
            let viewer = try await h.signedIn("lectura@empresa.co", role: .viewer)
            let list = try await viewer.get("/letters")
            #expect(list.status == .ok)
            #expect(list.body.contains("id=\"nav-letters\""))
            #expect(list.body.contains("2 carta(s) por enviar"))
            #expect(list.body.contains("1 abr 2026"))
            #expect(list.body.contains("Carrera 7 # 71-21, oficina 1203, 110231 Bogotá, Colombia"))
            #expect(list.body.contains("Falta la dirección postal"))
            #expect(list.body.contains("href=\"/customers/\(customers[1])/edit\""))
            #expect(list.body.contains("A 1 carta le falta la dirección postal"))
            #expect(list.body.contains(AppURL.letter(addressed)) && list.body.contains(AppURL.letter(unaddressed)))
            #expect(!list.body.contains("mark-posted"), "a viewer does not mark letters posted")
            #expect(try await viewer.post(AppURL.letterPosted(addressed), []).status == .forbidden)
            #expect(try await viewer.get(AppURL.letter(addressed)).status == .ok)
            #expect(try await viewer.get("/letters/\(UUID())").status == .notFound)
        }
    }

    @Test func aLetterCarriesTheLetterheadTheDateTheAddressAndTheSignature() async throws {
        try await TestHarness.run { h in
            let (addressed, unaddressed, _) = try await setUp(h)
            try await setLetterhead(h)
            let collector = try await h.signedIn("gestor@empresa.co", role: .collector)
            let page = try await collector.get(AppURL.letter(addressed))
            #expect(page.status == .ok)
            for words in [
                "Ferretería Central S.A.S.", "NIT 900.123.456-7", "Calle 26 # 68C-61", "111071 Bogotá",
                "Tel. 601 555 0100 · cartera@central.com.co", "Bogotá, 1 de abril de 2026", "Señores",
                "Ferretería El Progreso S.A.S.", "Atención: María Tesorería", "Carrera 7 # 71-21, oficina 1203",
                "110231 Bogotá", "Respetados señores:", "FE-4001", "Atentamente,", "Laura Restrepo",
                "Directora de cartera", "Lista para imprimir", "id=\"mark-posted\"",
            ] {
                #expect(page.body.contains(words), "\(words)")
            }
            #expect(!page.body.contains("Bogotá, D.C."), "a region that repeats the city is left out")
            #expect(!page.body.contains("Falta la dirección postal"))
            #expect(!page.body.contains("2026-04-01"), "no ISO dates")
            let missing = try await collector.get(AppURL.letter(unaddressed))
            #expect(missing.body.contains("Falta la dirección postal"))
            // The messages page says the letter's state in words and leads to the letter.
            let message = try await collector.get(AppURL.message(addressed))
            #expect(message.body.contains("Lista para imprimir"))
            #expect(message.body.contains("href=\"\(AppURL.letter(addressed))\""))
        }
    }

    @Test func printingAllGivesOnePagePerLetterAndMarkingThemPostedClosesTheirTasks() async throws {
        try await TestHarness.run { h in
            let (addressed, unaddressed, _) = try await setUp(h)
            let collector = try await h.signedIn("gestor@empresa.co", role: .collector)
            let document = try await collector.get(AppURL.lettersPrint)
            #expect(document.status == .ok)
            #expect(document.body.components(separatedBy: "class=\"letter-sheet\"").count - 1 == 2)
            #expect(!document.body.contains("class=\"topbar\""), "no navigation in the document to print")
            #expect(document.body.contains("Marcar las 2 impresas como enviadas"))
            #expect(document.body.components(separatedBy: "name=\"letter[]\"").count - 1 == 2)

            let posted = try await collector.post(
                AppURL.lettersPosted, [("letter[]", addressed.uuidString), ("letter[]", unaddressed.uuidString)])
            #expect(posted.status == .seeOther && posted.location == AppURL.letters, "\(posted.status)")
            let letters = try await OutboxMessage.query(on: h.app.db).filter(\.$channel == .letter).all()
            #expect(letters.allSatisfy { $0.status == .posted && $0.sentAt == h.clock.now() })
            let tasks = try await CollectionTask.query(on: h.app.db).filter(\.$kind == .letter).all()
            #expect(tasks.count == 2 && tasks.allSatisfy { $0.status == .done })
            let audit = try await AuditEvent.query(on: h.app.db).filter(\.$action == "letter.posted").all()
            #expect(audit.count == 2)
            #expect(audit.allSatisfy { $0.details.contains("2026-04-01") })

            let list = try await collector.get("/letters")
            #expect(list.body.contains("2 cartas marcadas como enviadas por correo postal."))
            #expect(list.body.contains("No hay cartas por enviar."))
            #expect(list.body.contains("Enviada por correo postal el 1 abr 2026"))
            let messages = try await collector.get("/messages?channel=letter")
            #expect(messages.body.contains("Enviada por correo postal el 1 abr 2026"))
            #expect(!messages.body.contains(">posted<"))
            // Posted once: a second time is refused, and nothing changes.
            let again = try await collector.post(
                AppURL.letterPosted(addressed), [], referer: "http://localhost\(AppURL.letter(addressed))")
            #expect(again.status == .seeOther && again.location == AppURL.letter(addressed))
            let refused = try await collector.get(AppURL.letter(addressed))
            #expect(refused.body.contains("Esta carta ya no está por enviar"))
            #expect(!refused.body.contains("id=\"mark-posted\""))
            #expect(
                try await AuditEvent.query(on: h.app.db).filter(\.$action == "letter.posted").count() == 2)
        }
    }

    @Test func theAPIMarksALetterPostedAndOnlyLetters() async throws {
        try await TestHarness.run { h in
            let (addressed, _, customers) = try await setUp(h)
            let reply = try await h.post("/api/v1/outbox/\(addressed)/posted", [:])
            #expect(reply.status == .ok)
            #expect(reply.json["status"].string == "posted")
            #expect(try await h.post("/api/v1/outbox/\(addressed)/posted", [:]).status == .conflict)
            _ = try await h.createInvoice(
                customer: customers[0], number: "FE-4003", total: "10.00", issued: "2026-04-01")
            let email = try #require(
                try await h.messages(customer: customers[0]).first { $0["channel"].string == "email" })
            let id = try #require(email["id"].string)
            #expect(
                try await h.post("/api/v1/outbox/\(id)/posted", [:]).status == .notFound, "an email is not a letter")
            let refused = try await h.patch("/api/v1/organisation", ["letterhead": ["email": "no es un correo"]])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.json["error"]["field"].string == "letterhead.email")
        }
    }

    @Test func anAdminSetsTheLetterheadOnItsOwnSettingsTab() async throws {
        try await TestHarness.run { h in
            let admin = try await h.signedIn("admin@empresa.co", role: .admin)
            let page = try await admin.get(AppURL.settingsLetters)
            #expect(page.status == .ok && page.body.contains("Membrete y firma de las cartas"))
            let saved = try await admin.post(
                AppURL.settingsLetters,
                [
                    ("_form", "letterhead"), ("taxId", "900123456-7"), ("addressLine", "Calle 26 # 68C-61"),
                    ("city", "Bogotá"), ("postalCode", ""), ("region", ""), ("country", "Colombia"),
                    ("phone", "601 555 0100"), ("email", "cartera@central.com.co"), ("signerName", "Laura Restrepo"),
                    ("signerTitle", "Directora de cartera"),
                ])
            #expect(saved.status == .seeOther && saved.location == AppURL.settingsLetters)
            let stored = try #require(try await Organisation.find(h.organisationID, on: h.app.db))
            #expect(stored.signerName == "Laura Restrepo" && stored.city == "Bogotá" && stored.postalCode == nil)
            #expect(try await AuditEvent.query(on: h.app.db).filter(\.$action == "organisation.updated").count() == 1)

            let refused = try await admin.post(
                AppURL.settingsLetters, [("_form", "letterhead"), ("email", "no es un correo"), ("city", "Medellín")],
                referer: "http://localhost/settings/letters")
            #expect(refused.status == .seeOther)
            let back = try await admin.get(AppURL.settingsLetters)
            #expect(back.body.contains("id=\"letterhead-email-error\""))
            #expect(back.body.contains("value=\"Medellín\""), "what was typed comes back")
            let unchanged = try #require(try await Organisation.find(h.organisationID, on: h.app.db))
            #expect(unchanged.city == "Bogotá")

            let collector = try await h.signedIn("gestor@empresa.co", role: .collector)
            #expect(try await collector.get(AppURL.settingsLetters).status == .forbidden)
        }
    }
}
