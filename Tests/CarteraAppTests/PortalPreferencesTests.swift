import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// The portal's "Preferencias de contacto": the customer turns a channel off for one of their
/// contacts, the opt-out is recorded with its date and source "portal", audited, and the next
/// message no longer goes that way; every email links to the page.
@Suite struct PortalPreferencesTests {
    func link(_ h: TestHarness, _ customer: String) async throws -> String {
        let reply = try await h.post("/api/v1/customers/\(customer)/portal-links", [:])
        try #require(reply.status == .created, "\(reply.json)")
        return String(try #require(reply.json["url"].string).dropFirst("http://127.0.0.1:8080".count))
    }

    func contactID(_ h: TestHarness, _ customer: String, email: String) async throws -> String {
        try #require(
            try await h.get("/api/v1/customers/\(customer)/contacts").json.array.first { $0["email"].string == email }?[
                "id"
            ].string)
    }

    @Test("the page shows each contact's channels, linked from the portal's footer")
    func showsChannels() async throws {
        try await TestHarness.run { h in
            let customer = try await h.customerWithContacts()
            let path = try await link(h, customer)
            let browser = WebClient(app: h.app)
            let portal = try await browser.get(path)
            #expect(portal.body.contains("href=\"\(path)/preferences\""))
            let page = try await browser.get("\(path)/preferences")
            #expect(page.status == .ok)
            for words in [
                "Preferencias de contacto", "Juan Compras", "María Tesorería", "Correo electrónico",
                "Mensajes de texto (SMS)", "Cartas por correo postal", "Llamadas telefónicas",
            ] {
                #expect(page.body.contains(words), "\(words)")
            }
            #expect(page.body.components(separatedBy: "type=\"checkbox\"").count - 1 == 8)
            #expect(page.body.components(separatedBy: " checked").count - 1 == 8, "every channel is on to begin with")
            #expect(!page.body.contains("opted_out") && !page.body.contains("authorised"), "words, not codes")
        }
    }

    @Test("turning email off records an opt-out from the portal, dated and audited, and the next reminder skips it")
    func optOut() async throws {
        try await TestHarness.run { h in
            let customer = try await h.customerWithContacts()
            let other = try await h.customerWithContacts("Otro Cliente S.A.S.")
            let billing = try await contactID(h, customer, email: "tesoreria@progreso.com.co")
            let othersContact = try await contactID(h, other, email: "tesoreria@progreso.com.co")
            let path = try await link(h, customer)
            let browser = WebClient(app: h.app)
            try await browser.get("\(path)/preferences")

            // another customer's contact is not found here, and nothing is recorded
            let foreign = try await browser.post(
                "\(path)/preferences/\(othersContact)", [("sms", "on"), ("letter", "on"), ("call", "on")])
            #expect(foreign.status == .notFound)
            #expect(try await browser.post("\(path)/preferences/not-a-contact", [("sms", "on")]).status == .notFound)
            try await browser.get("\(path)/preferences")
            // a form without its token changes nothing
            let forged = try await browser.post("\(path)/preferences/\(billing)", [("sms", "on")], csrf: .some(nil))
            #expect(forged.status != .seeOther)
            #expect(try await ContactConsent.query(on: h.app.db).count() == 0)

            try await browser.get("\(path)/preferences")
            let saved = try await browser.post(
                "\(path)/preferences/\(billing)", [("sms", "on"), ("letter", "on"), ("call", "on")])
            #expect(saved.status == .seeOther && saved.location == "\(path)/preferences")
            let consents = try await ContactConsent.query(on: h.app.db).all()
            #expect(consents.count == 1)
            let consent = try #require(consents.first)
            #expect(consent.$contact.id.uuidString == billing)
            #expect(consent.channel == .email && consent.state == .optedOut)
            #expect(consent.source == .portal && consent.changedOn == "2026-03-15")
            let audit = try await AuditEvent.query(on: h.app.db).filter(\.$action == "contact.consent_changed").all()
            #expect(audit.map(\.actor) == ["portal:Ferretería El Progreso S.A.S."])

            let page = try await browser.get("\(path)/preferences")
            #expect(page.body.contains("Guardamos sus preferencias de contacto"))
            #expect(page.body.contains("No desea contacto desde el 15 mar 2026 (en el portal)"))
            #expect(page.body.components(separatedBy: " checked").count - 1 == 7)
            // saving the same again records nothing new
            _ = try await browser.post(
                "\(path)/preferences/\(billing)", [("sms", "on"), ("letter", "on"), ("call", "on")])
            #expect(try await ContactConsent.query(on: h.app.db).count() == 1)

            // the billing contact would be written to first; now the reminder goes to the other contact
            _ = try await h.createInvoice(
                customer: customer, number: "FE-301", total: "100000.00", issued: "2026-01-10")
            try await h.runReminders()
            let emails = try await h.messages(customer: customer).filter { $0["channel"].string == "email" }
            #expect(!emails.isEmpty)
            #expect(emails.allSatisfy { $0["recipient_address"].string == "compras@progreso.com.co" }, "\(emails)")
        }
    }

    @Test("every email's footer links to the contact preferences")
    func emailFooter() async throws {
        try await TestHarness.run { h in
            let customer = try await h.customerWithContacts()
            _ = try await h.createInvoice(customer: customer, number: "FE-77", total: "120000.00", issued: "2026-01-10")
            try await h.runReminders()
            let message = try #require(
                try await OutboxMessage.query(on: h.app.db).filter(\.$channel == .email).first())
            #expect(message.bodyHTML.contains("Para dejar de recibir estos mensajes, cambie sus <a class=\"opt-out\""))
            let range = try #require(message.bodyHTML.range(of: "class=\"opt-out\" href=\"http://127.0.0.1:8080"))
            let path = String(message.bodyHTML[range.upperBound...].prefix { $0 != "\"" })
            #expect(path.hasPrefix("/portal/pt_") && path.hasSuffix("/preferences"))
            let page = try await WebClient(app: h.app).get(path)
            #expect(page.status == .ok && page.body.contains("Juan Compras"))
        }
    }
}
